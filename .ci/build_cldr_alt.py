"""Build pipeline/data/cldr-alt-names.json: the other names CLDR gives a territory in each language.

CLDR names every territory once per locale ("Estados Unidos"), and beside that name keeps the
short and variant forms that writers use as much: "EUA" (Portuguese), "EE. UU." (Spanish), "USA"
(Italian, German), "US" and "UK" (English), "ONU" for the United Nations (Portuguese, French,
Italian), "Ivory Coast", "Czech Republic", "Swaziland", "Türkiye". babel, which driftcheck reads
CLDR through, drops these `alt` forms, so this script takes them from the Unicode CLDR project's
own JSON release as the npm registry serves it, merged per language (a regional locale's forms
count for the whole language, as babel's names do in `checks/cldrnames.py`; other scripts do not). Only names that
differ from every standard name babel gives the same territory in that language are kept.
Reproducible from the package registry alone:

    (cd /tmp && npm pack cldr-localenames-full@48.2.0 && tar -xzf cldr-localenames-full-48.2.0.tgz)
    .venv/bin/python .ci/build_cldr_alt.py /tmp/package > pipeline/data/cldr-alt-names.json

Unicode licence (CLDR data): pipeline/data/cldr-LICENSE.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def alternates(package: Path) -> dict[str, dict[str, list[str]]]:
    """Base language -> territory code -> its alt names in that language (sorted, distinct)."""
    from babel import Locale, UnknownLocaleError

    from pipeline.checks.calendar_names import regional_locales

    out: dict[str, dict[str, set[str]]] = {}
    for folder in sorted((package / "main").iterdir()):
        path = folder / "territories.json"
        if not path.is_file():
            continue
        data = json.loads(path.read_text(encoding="utf-8"))["main"][folder.name]
        names = data["localeDisplayNames"]["territories"]
        lang = folder.name.split("-")[0]
        try:
            standard = Locale.parse(lang).territories
        except (UnknownLocaleError, ValueError):
            continue  # a language babel has no names for: nothing to add to
        if folder.name.replace("-", "_") not in regional_locales(lang):
            continue  # another script ("en-Dsrt"): the varieties driftcheck reads (cldrnames.py)
        for key, name in names.items():
            code, sep, _kind = key.partition("-alt-")
            if sep and name != names.get(code) and name != standard.get(code):
                out.setdefault(lang, {}).setdefault(code, set()).add(name)
    return {lang: {code: sorted(v) for code, v in sorted(t.items())} for lang, t in sorted(out.items())}


if __name__ == "__main__":
    package = Path(sys.argv[1])
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    json.dump({"source": f"Unicode CLDR {version} (cldr-localenames-full), territories' alt names",
               "names": alternates(package)}, sys.stdout, ensure_ascii=False, separators=(",", ":"))  # fmt: skip
    sys.stdout.write("\n")
