"""The opposite pairs the `antonyms` check counts: concept -> language -> (words of side A, words
of side B), folded. "word*" matches a prefix, so one entry covers a verb's forms; "went_up" is two
words in a row. General dictionary opposites, and those of a user interface's actions, places and
limits (show/hide, next/previous, at least/at most; not import/export, which trade prose
says from either side: a held-out WMT22 sentence showed it).
"""

from __future__ import annotations

# concept pair -> language -> (words of side A, words of side B)
PAIRS: dict[str, dict[str, tuple[str, str]]] = {
    "more/less": {
        "en": ("more most", "less least fewer fewest"),
        "es": ("mas", "menos"),
        "fr": ("davantage", "moins"),
        "de": ("mehr meisten", "weniger wenigsten"),
        "it": ("piu", "meno"),
        "pt": ("mais", "menos"),
    },
    "before/after": {
        "en": ("before", "after"),
        "es": ("antes", "despues"),
        "fr": ("avant", "apres"),
        "de": ("bevor vorher", "nachdem danach"),
        "it": ("prima", "dopo"),
        "pt": ("antes", "depois"),
    },
    "increase/decrease": {
        "en": (  # "went_up": two words (Apertium says "subió" / "bajó" as "went up" / "went down")
            "increas* rise rises rose risen rising grow grew grown growing go_up goes_up went_up gone_up",
            "decreas* fall falls fell fallen falling declin* drop dropped dropping go_down goes_down went_down"
            " gone_down",
        ),
        "es": (
            "aument* crec* subio subieron sube suben",
            "disminu* descen* cayo cayeron cae caen bajaron redu*",
        ),
        "fr": ("augment* hausse* croissan*", "diminu* baisse* chute*"),
        "de": ("steig* stieg* gestiegen anstieg* erhoh*", "sink* sank* gesunken ruckgang* verringer*"),
        "it": ("aument* cresc*", "diminu* calo cala calat*"),
        "pt": ("aument* cresc* subiu subiram", "diminu* caiu cair queda*"),
    },
    "big/small": {
        "en": ("big bigger biggest large larger largest huge", "small smaller smallest tiny"),
        "es": ("grande grandes enorme enormes", "pequeno pequena pequenos pequenas diminuto diminuta"),
        "fr": ("grand grande grands grandes enorme enormes", "petit petite petits petites minuscule"),
        "de": ("gross grosse grossen grosser riesig*", "klein kleine kleinen kleiner winzig*"),
        "it": ("grande grandi enorme enormi", "piccolo piccola piccoli piccole"),
        "pt": ("grande grandes enorme enormes", "pequeno pequena pequenos pequenas"),
    },
    "best/worst": {
        "en": ("best better", "worst worse"),
        "es": ("mejor mejores", "peor peores"),
        "fr": ("meilleur meilleure meilleurs meilleures mieux", "pire pires"),
        "de": ("besser bessere besten beste", "schlechter schlechteste schlechtesten"),
        "it": ("migliore migliori meglio", "peggiore peggiori peggio"),
        "pt": ("melhor melhores", "pior piores"),
    },
    "first/last": {
        "en": ("first", "last"),
        "es": ("primero primera primer primeros primeras", "ultimo ultima ultimos ultimas"),
        "fr": ("premier premiere premiers premieres", "dernier derniere derniers dernieres"),
        "de": ("erste ersten erster erstes", "letzte letzten letzter letztes"),
        "it": ("primo primi", "ultimo ultima ultimi ultime"),
        "pt": ("primeiro primeira primeiros primeiras", "ultimo ultima ultimos ultimas"),
    },
    "win/lose": {
        "en": ("win wins won winning victory victories", "lose loses lost losing defeat defeats"),
        "es": ("gan* victoria*", "perd* pierd* derrota*"),
        "fr": ("gagn* victoire*", "perd* defaite*"),
        "de": ("gewinn* gewann* sieg*", "verlier* verlor* niederlage*"),
        "it": ("vinc* vinto vinse vittori*", "perd* perso perse sconfitt*"),
        "pt": ("ganh* vitoria*", "perd* derrota*"),
    },
    "open/closed": {
        "en": ("open opens opened opening", "close closes closed closing shut"),
        "es": ("abrir abrio abrieron abre abren abierto abierta", "cerr* cierra cierran"),
        "fr": ("ouvr* ouvert*", "ferm*"),
        "de": ("offnet* geoffnet offen", "schliess* geschlossen schloss"),
        "it": ("apr* apert*", "chiud* chius*"),
        "pt": ("abrir abriu abriram abre abrem aberto aberta", "fech*"),
    },
    "start/end": {
        "en": (
            "start starts started starting begin begins began begun beginning",
            "end ends ended ending finish* stop stops stopped",
        ),
        "es": ("empez* empiez* comenz* comienz*", "termin* acab*"),
        "fr": ("commenc* debut*", "termin* fini finit finir achev*"),
        "de": ("beginn* begann* anfang*", "endet* beend* ende"),
        "it": ("inizi* cominci*", "termin* fini* conclu*"),
        "pt": ("comec* inici*", "termin* acab*"),
    },
    "buy/sell": {
        "en": ("buy buys bought buying", "sell sells sold selling"),
        "es": ("compr*", "vend*"),
        "fr": ("achet* achat*", "vend*"),
        "de": ("kauf* gekauft", "verkauf*"),
        "it": ("compr*", "vend*"),
        "pt": ("compr*", "vend*"),
    },
    "accept/reject": {
        "en": ("accept*", "reject* refus*"),
        "es": ("acept*", "rechaz*"),
        "fr": ("accept*", "rejet* refus*"),
        "de": ("akzeptier* angenommen", "abgelehnt ablehn*"),
        "it": ("accett*", "rifiut* respin*"),
        "pt": ("aceit*", "rejeit* recus*"),
    },
    "allow/forbid": {
        "en": ("allow* permit*", "forbid* forbade prohibit* ban banned bans"),
        "es": ("permit*", "prohib*"),
        "fr": ("autoris* permet* permis", "interdi*"),
        "de": ("erlaub*", "verbot* verbiet*"),
        "it": ("permett* permess* consent*", "vieta* vietat* proib*"),
        "pt": ("permit*", "proib*"),
    },
    # the opposites of a user interface's actions and places (its buttons, menus and limits)
    "show/hide": {
        "en": ("show shows showing shown display displays displayed", "hide hides hiding hidden"),
        "es": ("mostrar muestra muestran mostrando", "ocult* escond* enmascar*"),
        "fr": ("afficher affichez affichage montrer", "masquer masquez cacher"),
        "de": (
            "anzeigen zeigen zeigt eingeblendet einblenden",
            "ausblenden ausgeblendet verbergen verstecken",
        ),
        "it": ("mostra mostrare mostrano visualizza visualizzare", "nascondi nascondere nasconde nascost*"),
        "pt": ("mostrar mostra mostram exibir exibe exibem", "ocult* escond*"),
    },
    "next/previous": {
        "en": ("next following", "previous preceding"),
        "es": (
            "siguiente siguientes proximo proxima proximos proximas",
            "anterior anteriores precedente precedentes",
        ),
        "fr": (
            "suivant suivante suivants suivantes prochain prochaine",
            "precedent precedente precedents precedentes",
        ),
        "de": ("nachste nachsten nachster nachstes", "vorherige vorherigen vorheriger vorheriges"),
        "it": ("successiv* prossimo prossima prossimi prossime seguente seguenti", "precedente precedenti"),
        "pt": (
            "seguinte seguintes proximo proxima proximos proximas",
            "anterior anteriores precedente precedentes",
        ),
    },
    "greater/lesser": {
        "en": ("greater higher", "lesser lower"),
        "es": ("mayor mayores superior superiores", "menor menores inferior inferiores"),
        "fr": ("superieur superieure superieurs superieures", "inferieur inferieure inferieurs inferieures"),
        "de": ("grosser grossere hoher hohere", "kleiner kleinere niedriger niedrigere"),
        "it": ("maggiore maggiori superiore superiori", "minore minori inferiore inferiori"),
        "pt": ("maior maiores superior superiores", "menor menores inferior inferiores"),
    },
    "at_least/at_most": {
        "en": ("at_least", "at_most"),
        "es": ("al_menos lo_menos", "como_maximo como_mucho lo_sumo"),  # "a lo sumo"
        "fr": ("au_moins", "au_plus au_maximum"),
        "de": ("mindestens", "hochstens"),
        "it": ("almeno", "al_massimo"),
        "pt": ("pelo_menos ao_menos", "no_maximo"),
    },
    "rich/poor": {
        "en": ("rich richer richest wealthy", "poor poorer poorest"),
        "es": ("rico rica ricos ricas", "pobre pobres"),
        "fr": ("riche riches", "pauvre pauvres"),
        "de": ("reich reiche reichen", "arm arme armen"),
        "it": ("ricco ricca ricchi ricche", "povero povera poveri povere"),
        "pt": ("rico rica ricos ricas", "pobre pobres"),
    },
    "strong/weak": {
        "en": ("strong stronger strongest", "weak weaker weakest"),
        "es": ("fuerte fuertes", "debil debiles"),
        "fr": ("fort forte forts fortes", "faible faibles"),
        "de": ("stark starke starken", "schwach schwache schwachen"),
        "it": ("forte forti", "debole deboli"),
        "pt": ("forte fortes", "fraco fraca fracos fracas"),
    },
    "easy/hard": {
        "en": ("easy easier easiest", "difficult hard harder hardest"),
        "es": ("facil faciles", "dificil dificiles"),
        "fr": ("facile faciles", "difficile difficiles"),
        "de": ("leicht einfach", "schwer schwierig*"),
        "it": ("facile facili", "difficile difficili"),
        "pt": ("facil faceis", "dificil dificeis"),
    },
    "early/late": {
        "en": ("early earlier", "late later"),
        "es": ("temprano", "tarde"),
        "fr": ("tot", "tard"),
        "de": ("fruh fruher", "spat spater"),
        "it": ("presto", "tardi"),
        "pt": ("cedo", "tarde"),
    },
    "north/south": {
        "en": ("north northern", "south southern"),
        "es": ("norte", "sur"),
        "fr": ("nord", "sud"),
        "de": ("norden nord", "suden sud"),
        "it": ("nord", "sud"),
        "pt": ("norte", "sul"),
    },
    "east/west": {
        "en": ("east eastern", "west western"),
        "es": ("oriental orientales", "occidental occidentales"),
        "fr": ("oriental orientale orientaux", "occidental occidentale occidentaux"),
        "de": ("osten ost", "westen west"),
        "it": ("est orientale", "ovest occidentale"),
        "pt": ("leste oriental", "oeste ocidental"),
    },
    "maximum/minimum": {
        lang: ("maximum maximo maxima maximal* massimo massima", "minimum minimo minima minimal*")
        for lang in ("en", "es", "fr", "de", "it", "pt")
    },
    "positive/negative": {
        lang: ("positiv* positif* positiva positivo", "negativ* negatif*")
        for lang in ("en", "es", "fr", "de", "it", "pt")
    },
    "possible/impossible": {
        "en": ("possible", "impossible"),
        "es": ("posible posibles", "imposible imposibles"),
        "fr": ("possible possibles", "impossible impossibles"),
        "de": ("moglich*", "unmoglich*"),
        "it": ("possibile possibili", "impossibile impossibili"),
        "pt": ("possivel possiveis", "impossivel impossiveis"),
    },
    "legal/illegal": {
        "en": ("legal lawful", "illegal unlawful"),
        "es": ("legal legales", "ilegal ilegales"),
        "fr": ("legal legale legaux", "illegal illegale illegaux"),
        "de": ("legal legale legalen", "illegal illegale illegalen"),
        "it": ("legale legali", "illegale illegali"),
        "pt": ("legal legais", "ilegal ilegais"),
    },
    "normal/abnormal": {
        "en": ("normal ordinary common usual", "abnormal unusual extraordinary rare"),
        "es": (
            "normal normales comun comunes habitual habituales",
            "anormal anormales inusual inusuales extraordinari* raro rara",
        ),
        "fr": (
            "normal normale normaux ordinaire commun commune habituel*",
            "anormal anormale inhabituel* extraordinaire rare",
        ),
        "de": ("normal normale normalen gewohnlich*", "abnormal* ungewohnlich* selten"),
        "it": (
            "normale normali comune comuni ordinari*",
            "anormale anormali insolit* straordinari* raro rara",
        ),
        "pt": (
            "normal normais comum comuns habitual",
            "anormal anormais incomum incomuns extraordinari* raro rara",
        ),
    },
}
