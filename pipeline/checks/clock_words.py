"""Words of clock times and weekdays per language (checks/clock.py, checks/dates.py): the
prepositions that make an hour a time of day, day parts, noon and midnight, and the words before a
Portuguese short weekday."""

from __future__ import annotations

# A clock preposition with its article ("a las 14 horas", "alle 9")
# makes an hour a time of day; "durante las 12 horas" is a duration.
CLOCK_AT = (
    "a las", "a la", "hasta las", "desde las", "sobre las", "hacia las", "a les", "fins a les",
    "des de les", "às", "até às", "pelas", "alle", "dalle", "fino alle", "verso le", "all'", "à",
    "dès", "vers", "jusqu'à", "um", "gegen",
)  # fmt: skip
CLOCK_ARTICLE = ("de las", "de les", "entre las", "entre les", "das", "las", "les")  # "de las 9 a las 14"
CLOCK_NO_ARTICLE = ("à", "dès", "vers", "jusqu'à", "um", "gegen")  # "à 9 %": a bare number
DURATION_BEFORE = ("durante", "por", "en", "during", "for", "in", "within", "para", "per", "pendant",
                   "durant", "em", "während", "für")  # fmt: skip
# Languages that write a decimal with a comma: "9.00" in a range is a time there, a price in English.
COMMA_DECIMALS = frozenset("es fr it pt ca de".split())
# A day part after an hour sets its half: a (morning), p (afternoon, evening), night (late or early).
CLOCK_DAY_PARTS: dict[str, dict[str, tuple[str, ...]]] = {
    "es": {"a": ("de la mañana", "de la madrugada"), "p": ("de la tarde",), "night": ("de la noche",)},
    "ca": {"a": ("del matí", "de la matinada"), "p": ("de la tarda", "del vespre"), "night": ("de la nit",)},
    "pt": {"a": ("da manhã", "da madrugada"), "p": ("da tarde",), "night": ("da noite",)},
    "it": {
        "a": ("di mattina", "del mattino", "della mattina"),
        "p": ("di pomeriggio", "del pomeriggio", "di sera", "della sera"),
        "night": ("di notte", "della notte"),
    },  # fmt: skip
    "fr": {"a": ("du matin",), "p": ("de l'après-midi", "du soir"), "night": ("de la nuit",)},
}
NOON_WORDS: dict[str, tuple[str, ...]] = {  # folded
    "en": ("noon", "midday"), "es": ("mediodia",), "pt": ("meio-dia",), "fr": ("midi",),
    "it": ("mezzogiorno",), "ca": ("migdia",),
}  # fmt: skip
MIDNIGHT_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("midnight",), "es": ("medianoche",), "pt": ("meia-noite",), "fr": ("minuit",),
    "it": ("mezzanotte",), "ca": ("mitjanit",),
}  # fmt: skip
# Portuguese weekdays without "-feira" ("de segunda a sexta"; segunda is also "second") are
# weekdays after these words; elsewhere they may be either.
WEEKDAY_SHORT_BEFORE: dict[str, tuple[str, ...]] = {
    "pt": ("às", "na", "nas", "nesta", "desta", "próxima", "última", "toda", "todas as", "aos", "até"),
}
# ...unless the text counts with ordinals: "na primeira volta e na segunda" (folded, a regex)
WEEKDAY_SHORT_ORDINALS: dict[str, str] = {"pt": r"primeir[oa]s?|terceir[oa]s?|(?:pen)?ultim[oa]s?"}
