"""numbers: digits in any locale form and spelled-out numbers survive translation."""

from __future__ import annotations

import pytest

from pipeline.checks.numbers import digit_readings, extract

from .helpers import assert_flags, assert_passes, make, run

SAME = [
    pytest.param(
        "La empresa tiene 1.000 empleados.",
        "The company has 1,000 employees.",
        "es",
        "en",
        id="es-1.000=en-1,000",
    ),
    pytest.param("Veinte personas llegaron.", "20 people arrived.", "es", "en", id="veinte=20"),
    pytest.param("Twenty people came.", "Vinieron 20 personas.", "en", "es", id="twenty=20"),
    pytest.param("La inflación fue del 3,5 %.", "Inflation was 3.5%.", "es", "en", id="3,5%=3.5%"),
    pytest.param(
        "La ville compte 1 000 habitants.", "The town has 1,000 inhabitants.", "fr", "en", id="fr-1 000"
    ),
    pytest.param(
        "Viven 35 millones de personas.", "35 million people live there.", "es", "en", id="35 millones"
    ),
    pytest.param(
        "Costó 2 mil millones de euros.", "It cost 2 billion euros.", "es", "en", id="mil millones=billion"
    ),
    pytest.param(
        "Cinco millones de habitantes.", "Five million inhabitants.", "es", "en", id="spelled scale"
    ),
    pytest.param("El comité se fundó en 1937.", "The committee was founded in 1937.", "es", "en", id="year"),
    pytest.param("Es el No. 5 de la lista.", "It is number 5 on the list.", "es", "en", id="No. 5"),
    pytest.param("Quedó en el puesto 21.º", "It came 21st.", "es", "en", id="ordinal digits"),
    pytest.param("Zwanzig Leute kamen.", "Twenty people came.", "de", "en", id="de-zwanzig"),
    pytest.param("Ventidue persone.", "Twenty-two people.", "it", "en", id="it-ventidue"),
    pytest.param("Vinte e dois anos.", "22 years.", "pt", "en", id="pt-vinte e dois"),
    pytest.param("Un perro y dos gatos.", "A dog and two cats.", "es", "en", id="un is an article"),
    pytest.param("Marcó 2 seises.", "He hit 2 sixes.", "es", "en", id="plural number nouns"),
    pytest.param("Llegó en 2012.", "He arrived in 2012 2012.", "es", "en", id="stutter"),
    pytest.param(
        "A China detém 2,5 biliões de dólares.", "China holds $2.5 trillion.", "pt", "en", id="pt-PT bilião"
    ),
    pytest.param(
        "Custou 13 mil milhões de dólares.", "It cost $13 billion.", "pt", "en", id="pt mil milhões"
    ),
    pytest.param("Recebeu 2 bilhões.", "It received 2 billion.", "pt", "en", id="pt-BR bilhão"),
    pytest.param(
        "Os dois partidos usam o poder.", "Both parties use their power.", "pt", "en", id="dois=both"
    ),
    pytest.param(
        "El metro funcionará las 24 horas.", "The metro will run around the clock.", "es", "en", id="24 horas"
    ),
    pytest.param(
        "Le service fonctionne 24 heures sur 24.", "The service runs round-the-clock.", "fr", "en", id="24/24"
    ),
    pytest.param(
        "Recuou para o menor patamar em quase dez anos.",
        "It fell to its lowest level in almost a decade.",
        "pt",
        "en",
        id="dez anos=a decade",
    ),
    pytest.param("Durou cem anos.", "It lasted a century.", "pt", "en", id="cem anos=a century"),
    pytest.param("Compró 12 huevos.", "She bought a dozen eggs.", "es", "en", id="12=a dozen"),
    pytest.param(
        "Viven con sus padres hasta pasados los treinta.",
        "They live with their parents until well into their thirties.",
        "es",
        "en",
        id="treinta=thirties",
    ),
    pytest.param(
        "En los años noventa todo cambió.",
        "In the nineties everything changed.",
        "es",
        "en",
        id="noventa=nineties",
    ),
    pytest.param(
        "Au XIXe siècle, il régnait.", "In the 19th century, he reigned.", "fr", "en", id="roman century"
    ),
    pytest.param(
        "Luis XIV vivió en Washington, DC.",
        "Louis XIV lived in Washington, DC.",
        "es",
        "en",
        id="roman regnal",
    ),
    pytest.param(
        "Estimativas da Organização Internacional do Trabalho (OIT).",
        "Estimates by the International Labor Organization (ILO).",
        "pt",
        "en",
        id="acronym is not a number word",
    ),
    # Catalan cardinals (text2num has no Catalan): read by number_words
    pytest.param("The flight takes three hours.", "El vol dura tres hores.", "en", "ca", id="ca-tres"),
    pytest.param(
        "Hi van anar vint-i-dues persones.", "Twenty-two people went.", "ca", "en", id="ca-vint-i-dues"
    ),
    pytest.param(
        "Va comprar dos-cents trenta-cinc llibres.", "He bought 235 books.", "ca", "en", id="ca-235"
    ),
    pytest.param("Costa tres milions d'euros.", "It costs 3 million euros.", "ca", "en", id="ca-milions"),
    pytest.param(
        "Costa 4 mil milions d'euros.", "It costs 4 billion euros.", "ca", "en", id="ca-mil milions"
    ),
    pytest.param("Han obert un nou edifici.", "They opened a new building.", "ca", "en", id="ca-nou=new"),
    # "[un/el] SCALE y medio": one and a half times the scale; "N SCALE y medio": N.5 times
    pytest.param(
        "It will cost 1.5 trillion euros.",
        "Costará el billón y medio de euros.",
        "en",
        "es",
        id="billón y medio",
    ),
    pytest.param(
        "Viven dos millones y medio de personas.",
        "2.5 million people live there.",
        "es",
        "en",
        id="dos millones y medio",
    ),
    pytest.param("Custou 3 milhões e meio.", "It cost 3.5 million.", "pt", "en", id="3 milhões e meio"),
    pytest.param(
        "Un milione e mezzo di persone.", "1.5 million people.", "it", "en", id="un milione e mezzo"
    ),
    pytest.param(
        "A million and a half people voted.",
        "Votaron 1,5 millones de personas.",
        "en",
        "es",
        id="a million and a half",
    ),
    # a percentage said as a fraction, either way
    pytest.param(
        "El 50 % de los votantes apoya la reforma.",
        "Half of voters support the reform.",
        "es",
        "en",
        id="50%=half",
    ),
    pytest.param(
        "Half of voters support the reform.",
        "50 % dos eleitores apoiam a reforma.",
        "en",
        "pt",
        id="half=50%",
    ),
    pytest.param("El 25 % de los votantes.", "A quarter of voters.", "es", "en", id="25%=a quarter"),
    pytest.param("Les trois quarts des électeurs.", "75% of voters.", "fr", "en", id="trois quarts=75%"),
    pytest.param("Un 33 % de los votantes.", "A third of voters.", "es", "en", id="33%=a third"),
    pytest.param(
        "Two thirds of voters.", "El 67 por ciento de los votantes.", "en", "es", id="two thirds=67%"
    ),
    pytest.param("La meitat dels votants.", "50 per cent of voters.", "ca", "en", id="meitat=50 per cent"),
    # the repeated number of a distributive ("de 8 em 8 horas" = "every 8 hours") is one number
    pytest.param(
        "Tome um comprimido de 8 em 8 horas.", "Take one tablet every 8 hours.", "pt", "en", id="de 8 em 8"
    ),
    pytest.param(
        "Tome una pastilla de 8 en 8 horas.",
        "Prenez un comprimé toutes les 8 heures.",
        "es",
        "fr",
        id="de 8 en 8",
    ),
    pytest.param(
        "Prenda una compressa ogni 8 ore.", "Tome un comprimido de 8 a 8 horas.", "it", "es", id="de 8 a 8"
    ),
]

DIFFERENT = [
    pytest.param("Viven 35 millones de personas.", "38 million people live there.", "es", "en", id="35->38"),
    pytest.param("Después de dos años.", "After three years.", "es", "en", id="dos->three"),
    pytest.param("Fue fundado en 1937.", "It was founded in 1938.", "es", "en", id="year changed"),
    pytest.param("Tiene 1.000 empleados.", "It has 100 employees.", "es", "en", id="1.000->100"),
    pytest.param("Il a 20 ans.", "He is 30.", "fr", "en", id="fr 20->30"),
    pytest.param("Costó 46 centavos.", "It cost cents.", "es", "en", id="number dropped"),
    pytest.param("Au XIXe siècle.", "In the 18th century.", "fr", "en", id="roman century changed"),
    pytest.param("Durante los años 90.", "During the 1970s.", "es", "en", id="decade changed"),
    # a scale word on both sides must agree: the bare mantissa matched ("35" = "35")
    pytest.param(
        "Viven 35 millones de personas.", "35 billion people live there.", "es", "en", id="millones->billion"
    ),
    pytest.param(
        "Custou 13 mil milhões de dólares.", "It cost $13 million.", "pt", "en", id="mil milhões->million"
    ),
    pytest.param("El vol dura tres hores.", "The flight takes four hours.", "ca", "en", id="ca tres->four"),
    pytest.param(
        "Hi havia 22 persones.", "Hi havia vint-i-tres persones.", "ca", "ca", id="ca 22->vint-i-tres"
    ),
    pytest.param(
        "It will cost 2.5 trillion euros.",
        "Costará el billón y medio de euros.",
        "en",
        "es",
        id="2.5->billón y medio",
    ),
    pytest.param(
        "It will cost 1.5 trillion euros.", "Costará el billón de euros.", "en", "es", id="y medio lost"
    ),
    pytest.param(
        "El metro funcionará 12 horas.", "The metro will run around the clock.", "es", "en", id="12 h->clock"
    ),
    pytest.param(
        "En los años noventa todo cambió.",
        "In the eighties everything changed.",
        "es",
        "en",
        id="noventa->eighties",
    ),
    # "century" with an ordinal is no hundred
    pytest.param(
        "In the 20th century, 100 people lived here.",
        "En el siglo XX vivían aquí muchas personas.",
        "en",
        "es",
        id="100 lost beside a century",
    ),
    pytest.param("El 50 % de los votantes.", "A third of voters.", "es", "en", id="50%->a third"),
    pytest.param("50 % of voters.", "Un tercio de los votantes.", "en", "es", id="50%->un tercio"),
    pytest.param("El 30 % de los votantes.", "Half of voters.", "es", "en", id="30%->half"),
    pytest.param(
        "Tome um comprimido de 8 em 8 horas.", "Take one tablet every 6 hours.", "pt", "en", id="de 8 em 8->6"
    ),
    pytest.param(
        "Caben de 8 a 12 personas.", "It seats 8 people.", "es", "en", id="de 8 a 12 is two numbers"
    ),
]


@pytest.mark.parametrize(("source", "target", "src", "tgt"), SAME)
def test_same_numbers_pass(source: str, target: str, src: str, tgt: str) -> None:
    assert_passes("numbers", make(source, target, src, tgt))


@pytest.mark.parametrize(("source", "target", "src", "tgt"), DIFFERENT)
def test_changed_numbers_flag(source: str, target: str, src: str, tgt: str) -> None:
    flag = assert_flags("numbers", make(source, target, src, tgt))
    assert flag.severity == "critical"
    assert any(s.field == "source" for s in flag.spans)


def test_number_only_in_translation_is_minor() -> None:
    flags = run("numbers", make("No pasó a octavos de final.", "It did not reach the last 16.", "es", "en"))
    assert [f.severity for f in flags] == ["minor"]
    assert "16" in flags[0].message


def test_a_century_is_no_decade() -> None:
    """A lost number word is major; the word for another amount does not excuse it."""
    flags = run("numbers", make("Durou dez anos.", "It lasted a century.", "pt", "en"))
    assert [(f.severity, f.message) for f in flags] == [
        ("major", "source number 'dez' not found in the translation")
    ]


def test_around_the_clock_is_24_hours_either_way() -> None:
    """Not even a minor note: "las 24 horas" is how Spanish says "around the clock"."""
    assert (
        run(
            "numbers", make("The metro runs around the clock.", "El metro funciona las 24 horas.", "en", "es")
        )
        == []
    )
    assert run("numbers", make("Abre las 24 horas.", "It is open round the clock.", "es", "en")) == []


def test_message_names_the_numbers() -> None:
    flag = assert_flags("numbers", make("Tiene 35 años.", "He is 38.", "es", "en"))
    assert "'35'" in flag.message and "'38'" in flag.message


@pytest.mark.parametrize(
    ("text", "readings"),
    [
        ("1.000", {1000.0, 1.0}),
        ("1,000", {1000.0, 1.0}),
        ("3,5", {3.5}),
        ("1.000.000", {1e6}),
        ("1,000.5", {1000.5}),
        ("1.000,5", {1000.5}),
        ("1 000", {1000.0}),
        ("46", {46.0}),
    ],
)
def test_digit_readings(text: str, readings: set[float]) -> None:
    assert digit_readings(text) == readings


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("vint-i-u", 21.0),
        ("vint-i-dues", 22.0),
        ("trenta-dos", 32.0),
        ("dinou", 19.0),
        ("dues-centes", 200.0),
        ("cent u", 101.0),
        ("tres-cents quaranta-cinc", 345.0),
        ("dos mil vint-i-quatre", 2024.0),
        ("cinc milions", 5e6),
        ("mil milions", 1e9),
    ],
)
def test_catalan_cardinals(text: str, value: float) -> None:
    (n,) = extract(f"Hi ha {text} llibres.", "ca")
    assert value in n.readings and n.hard


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Hi van anar vint-i-dues persones.", "Twenty-two people went."),
        ("Va comprar dos-cents trenta-cinc llibres.", "He bought 235 books."),
        ("La meitat dels votants.", "50 per cent of voters."),
    ],
)
def test_catalan_source_numbers_are_found(source: str, target: str) -> None:
    """Not even a minor flag: the copy's numbers have their match in the Catalan source (they
    were "with no match in the source" while Catalan words were not read)."""
    assert run("numbers", make(source, target, "ca", "en")) == []


def test_number_words_of_a_language_not_read_are_not_required() -> None:
    """Polish number words are read by nothing: the other side's "three" cannot be found, so it is
    not required; digits are still compared."""
    assert_passes("numbers", make("The flight takes three hours.", "Lot trwa trzy godziny.", "en", "pl"))
    flag = assert_flags("numbers", make("It cost 30 euros.", "Kosztował 40 euro.", "en", "pl"))
    assert flag.severity == "critical"


def test_clock_times_are_left_to_dates() -> None:
    assert extract("A las 21:48 del 20/06/2018.", "es") == ()


def test_a_long_number_keeps_every_digit() -> None:
    """Numbers were compared to 6 significant digits: an order number 123456789 read as 123456798,
    a phone number 900 123 456 as 900 123 465, and 10.000.001 euros as 10.000.009 passed (QA pass 11)."""
    for source, changed in (
        ("Su número de pedido es 123456789.", "Your order number is 123456798."),
        ("Llame al 900 123 456.", "Call 900 123 465."),
        ("Transfiera 10.000.001 euros.", "Transfer 10,000,009 euros."),
        ("Tarjeta 4111111111111111.", "Card 4111111111111112."),  # 12 digits lost these (review)
        ("Código EAN 4006381333931.", "EAN code 4006381333932."),
    ):
        assert assert_flags("numbers", make(source, changed, "es", "en")).severity == "critical"
    assert_passes("numbers", make("Llame al 900 123 456.", "Call 900 123 456.", "es", "en"))
    assert_passes("numbers", make("Transfiera 10.000.001 euros.", "Transfer 10,000,001 euros.", "es", "en"))
