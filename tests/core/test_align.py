"""Paragraph and sentence alignment (source-aware mode).

The Apertium tests align a hand-written Spanish news text with a hand-written English
translation, back-translated into Spanish by `apertium eng-spa`; each variant of the
translation (a sentence deleted, added, split, merged; a paragraph dropped; a number
changed) must align as a human would. The unit tests use hand-made back-translations.
"""

from __future__ import annotations

import random
import shutil
import subprocess

import pytest

from pipeline.core.align import Link, align_paragraphs, align_sentences, similarity

requires_apertium = pytest.mark.requires_apertium
skip_no_apertium = pytest.mark.skipif(shutil.which("apertium") is None, reason="apertium is not installed")


Paras = list[list[str]]


def flat(side: Paras, idx: tuple[int, ...]) -> list[str]:
    return [s for i in idx for s in side[i]]


def align_document(src: Paras, tgt: Paras, back: Paras) -> list[tuple[Link, list[Link]]]:
    """Paragraphs (their sentences joined), then the sentences inside each paragraph link."""
    links = align_paragraphs(*([" ".join(p) for p in side] for side in (src, tgt, back)))
    return [(pl, align_sentences(flat(src, pl.src), flat(tgt, pl.tgt), flat(back, pl.tgt))) for pl in links]


# The original (es): four paragraphs, ten sentences.
SOURCE: list[list[str]] = [
    [
        "El Ayuntamiento de Valencia aprobó ayer un plan de 45 millones de euros para renovar el "
        "transporte público.",
        "La medida incluye la compra de 120 autobuses eléctricos antes de 2027.",
    ],
    [
        "La alcaldesa, María Catalá, defendió el proyecto ante el pleno municipal.",
        "Según sus cálculos, las emisiones del centro bajarán un 30 por ciento en cinco años.",
        "La oposición criticó que el plan no incluya nuevas líneas de metro.",
    ],
    [
        "Los vecinos de Benimaclet llevan meses pidiendo más frecuencias en las líneas nocturnas.",
        "La asociación del barrio recogió más de 3.000 firmas el pasado invierno.",
    ],
    [
        "Las obras comenzarán en marzo y durarán dos años.",
        "No habrá cortes de tráfico.",
        "El consistorio publicará el calendario detallado la próxima semana.",
    ],
]

# A faithful human translation (en), sentence for sentence.
TRANSLATION: list[list[str]] = [
    [
        "Valencia City Council approved a 45 million euro plan yesterday to renew public transport.",
        "The measure includes the purchase of 120 electric buses before 2027.",
    ],
    [
        "The mayor, María Catalá, defended the project before the municipal plenary.",
        "According to her calculations, emissions in the centre will fall by 30 percent in five years.",
        "The opposition complained that the plan does not include new metro lines.",
    ],
    [
        "Residents of Benimaclet have been asking for more frequent night services for months.",
        "The neighbourhood association collected more than 3,000 signatures last winter.",
    ],
    [
        "Work will begin in March and will last two years.",
        "There will be no road closures.",
        "The council will publish the detailed timetable next week.",
    ],
]

# A loose but correct translation of the same text: rephrased, reordered clauses.
LOOSE: list[list[str]] = [
    [
        "Valencia has signed off on 45 million euros to overhaul its buses and trams.",
        "Some 120 electric buses are to be bought by 2027.",
    ],
    [
        "Mayor María Catalá stood up for the scheme in front of councillors.",
        "She expects pollution downtown to drop 30 percent within five years.",
        "Critics said the scheme lacked any metro expansion.",
    ],
    [
        "For months, people in Benimaclet have wanted buses to run more often at night.",
        "Their association gathered over 3,000 signatures during the winter.",
    ],
    [
        "Construction starts in March and should take around two years.",
        "Traffic will keep flowing.",
        "A full schedule is due out next week, officials said.",
    ],
]


def _replace(paras: list[list[str]], p: int, s: int, new: list[str]) -> list[list[str]]:
    """A copy of `paras` with sentence s of paragraph p replaced by `new` (zero, one or more)."""
    out = [list(para) for para in paras]
    out[p][s : s + 1] = new
    return out


ADDED = "The plan was first presented to the press in the autumn of 2022 by the transport councillor."
SPLIT = [
    "According to her calculations, emissions in the centre will fall.",
    "The drop will be 30 percent in five years.",
]
MERGED = (
    "Residents of Benimaclet, whose association collected more than 3,000 signatures last winter, "
    "have been asking for more frequent night services for months."
)

VARIANTS: dict[str, list[list[str]]] = {
    "identical": TRANSLATION,
    "loose": LOOSE,
    "sentence deleted": _replace(TRANSLATION, 1, 1, []),
    "sentence added": _replace(TRANSLATION, 1, 1, [TRANSLATION[1][1], ADDED]),
    "sentence split": _replace(TRANSLATION, 1, 1, SPLIT),
    "sentences merged": [TRANSLATION[0], TRANSLATION[1], [MERGED], TRANSLATION[3]],
    "number changed": _replace(TRANSLATION, 1, 1, [TRANSLATION[1][1].replace("30", "40")]),
    "paragraph dropped": [TRANSLATION[0], TRANSLATION[2], TRANSLATION[3]],
    "paragraph added": [TRANSLATION[0], TRANSLATION[1], [ADDED], TRANSLATION[2], TRANSLATION[3]],
    "first and last sentence deleted": _replace(_replace(TRANSLATION, 3, 2, []), 0, 0, []),
    "short sentence deleted": _replace(TRANSLATION, 3, 1, []),
    "deleted here, added there": _replace(_replace(TRANSLATION, 1, 2, [TRANSLATION[1][2], ADDED]), 1, 0, []),
}


def _apertium(mode: str, texts: list[str]) -> list[str]:
    """One apertium process for a whole batch: texts joined by blank lines, output split on them."""
    assert all("\n" not in t for t in texts)
    run = subprocess.run(
        ["apertium", "-u", mode], input="\n\n".join(texts), capture_output=True, text=True, check=True
    )
    out = [chunk.strip() for chunk in run.stdout.split("\n\n") if chunk.strip()]
    assert len(out) == len(texts), f"apertium returned {len(out)} texts for {len(texts)}"
    return out


@pytest.fixture(scope="module")
def back() -> dict[str, str]:
    """Every English sentence of every variant, back-translated into Spanish in one process."""
    if shutil.which("apertium") is None:
        pytest.skip("apertium is not installed")
    sentences = sorted({s for paras in VARIANTS.values() for para in paras for s in para})
    return dict(zip(sentences, _apertium("eng-spa", sentences), strict=True))


def _align(variant: list[list[str]], back: dict[str, str]) -> list[tuple[Link, list[Link]]]:
    return align_document(SOURCE, variant, [[back[s] for s in para] for para in variant])


def _shape(links: list[Link]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(link.src, link.tgt) for link in links]


def _one_to_one(n: int) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [((i,), (i,)) for i in range(n)]


def _assert_partition(links: list[Link], n: int, m: int) -> None:
    """Every index used exactly once, in order."""
    assert [i for link in links for i in link.src] == list(range(n))
    assert [j for link in links for j in link.tgt] == list(range(m))
    assert all(link.src or link.tgt for link in links)


@pytest.mark.parametrize("name", ["identical", "loose"])
@requires_apertium
@skip_no_apertium
def test_faithful_and_loose_translations_align_one_to_one(back: dict[str, str], name: str) -> None:
    doc = _align(VARIANTS[name], back)
    assert [_shape([p]) for p, _ in doc] == [[((i,), (i,))] for i in range(4)]
    for (_, sentences), para in zip(doc, SOURCE, strict=True):
        assert _shape(sentences) == _one_to_one(len(para))
        assert all(link.score > 0.15 for link in sentences)


@requires_apertium
@skip_no_apertium
def test_deleted_sentence_is_a_one_to_zero_link_at_its_index(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["sentence deleted"], back)
    assert _shape(doc[1][1]) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert doc[1][1][1].score == 0.0
    assert [_shape(doc[k][1]) for k in (0, 2, 3)] == [_one_to_one(2), _one_to_one(2), _one_to_one(3)]


@requires_apertium
@skip_no_apertium
def test_added_sentence_is_a_zero_to_one_link(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["sentence added"], back)
    assert _shape(doc[1][1]) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,))]


@requires_apertium
@skip_no_apertium
def test_deletion_and_addition_two_sentences_apart_are_not_paired(back: dict[str, str]) -> None:
    """Pairing them instead would shift the good pairs between them onto wrong partners."""
    doc = _align(VARIANTS["deleted here, added there"], back)
    assert _shape(doc[1][1]) == [((0,), ()), ((1,), (0,)), ((2,), (1,)), ((), (2,))]


@requires_apertium
@skip_no_apertium
def test_sentence_split_in_two_is_a_one_to_two_link(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["sentence split"], back)
    assert _shape(doc[1][1]) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


@requires_apertium
@skip_no_apertium
def test_two_sentences_merged_are_a_two_to_one_link(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["sentences merged"], back)
    assert _shape(doc[2][1]) == [((0, 1), (0,))]
    assert [_shape(s) for _, s in doc[:2]] == [_one_to_one(2), _one_to_one(3)]


@requires_apertium
@skip_no_apertium
def test_changed_number_still_aligns_one_to_one(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["number changed"], back)
    assert _shape(doc[1][1]) == _one_to_one(3)
    # The changed number lowers the similarity but does not break the pair.
    identical = _align(TRANSLATION, back)
    assert 0.3 < doc[1][1][1].score < identical[1][1][1].score


@requires_apertium
@skip_no_apertium
def test_dropped_paragraph_does_not_shift_the_following_ones(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["paragraph dropped"], back)
    assert [_shape([p]) for p, _ in doc] == [[((0,), (0,))], [((1,), ())], [((2,), (1,))], [((3,), (2,))]]
    assert _shape(doc[1][1]) == [((0,), ()), ((1,), ()), ((2,), ())]
    assert [_shape(s) for _, s in doc[2:]] == [_one_to_one(2), _one_to_one(3)]


@requires_apertium
@skip_no_apertium
def test_added_paragraph_is_a_zero_to_one_link(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["paragraph added"], back)
    assert [(p.src, p.tgt) for p, _ in doc] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((), (2,)),
        ((2,), (3,)),
        ((3,), (4,)),
    ]
    assert _shape(doc[2][1]) == [((), (0,))]


@requires_apertium
@skip_no_apertium
def test_deletions_at_the_edges_of_the_document(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["first and last sentence deleted"], back)
    assert _shape(doc[0][1]) == [((0,), ()), ((1,), (0,))]
    assert _shape(doc[3][1]) == [((0,), (0,)), ((1,), (1,)), ((2,), ())]


@requires_apertium
@skip_no_apertium
def test_short_deleted_sentence_is_not_merged_into_its_neighbour(back: dict[str, str]) -> None:
    doc = _align(VARIANTS["short sentence deleted"], back)
    assert _shape(doc[3][1]) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


@requires_apertium
@skip_no_apertium
def test_machine_translated_copy_aligns_one_to_one() -> None:
    """The copy is Apertium's own es->en output, back-translated by eng-spa: both directions used."""
    sentences = [s for para in SOURCE for s in para]
    copy = _apertium("spa-eng", sentences)
    copy_back = _apertium("eng-spa", copy)
    links = align_sentences(sentences, copy, copy_back)
    assert _shape(links) == _one_to_one(len(sentences))
    # A sentence missing from the MT copy is found even across paragraph borders.
    links = align_sentences(sentences, copy[:4] + copy[5:], copy_back[:4] + copy_back[5:])
    assert _shape(links)[3:6] == [((3,), (3,)), ((4,), ()), ((5,), (4,))]


# --- unit tests with hand-made back-translations -------------------------------------------


def test_empty_sides_give_only_omissions_or_additions() -> None:
    assert align_sentences([], [], []) == []
    assert _shape(align_sentences(["Uno.", "Dos."], [], [])) == [((0,), ()), ((1,), ())]
    assert _shape(align_paragraphs([], ["One.", "Two."], ["Uno.", "Dos."])) == [((), (0,)), ((), (1,))]


def test_empty_texts_are_never_paired_with_real_ones() -> None:
    src = ["El puente abrirá en 2025.", "Costará 3 millones.", "Los vecinos lo celebran."]
    back = ["El puente abrirá en 2025.", "", "Los vecinos lo celebran."]
    assert similarity("", "Costará 3 millones.") == 0.0
    links = align_sentences(src, ["The bridge opens in 2025.", "", "Neighbours celebrate."], back)
    shape = _shape(links)
    assert shape[0] == ((0,), (0,)) and shape[3] == ((2,), (2,))
    assert sorted(shape[1:3]) == [((), (1,)), ((1,), ())]  # which skip comes first is a tie


def test_a_target_without_its_back_translation_pairs_where_one_source_is_left() -> None:
    """An empty back-translation of a real text (the engine failed on it) is unknown, not unlike
    everything: between two pairs it pairs 1-1 (was an omission beside an addition); with no
    source left for it, it stays an addition; at paragraph level the same."""
    src = ["El puente abrirá en 2025.", "Costará 3 millones.", "Los vecinos lo celebran."]
    tgt = ["The bridge opens in 2025.", "It will cost 3 million.", "Neighbours celebrate."]
    back = ["El puente abrirá en 2025.", "", "Los vecinos lo celebran."]
    assert _shape(align_sentences(src, tgt, back)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert _shape(align_paragraphs(src, tgt, back)) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    extra = ["El puente abrirá en 2025.", "Los vecinos lo celebran."]
    assert _shape(align_sentences(extra, tgt, back)) == [((0,), (0,)), ((), (1,)), ((1,), (2,))]
    # a failed last sentence pairs with the last source; one beyond every source is an addition
    assert _shape(align_sentences(src, tgt, back[:2] + [""]))[-1] == ((2,), (2,))
    assert _shape(align_sentences(src[:2], tgt[:1] + tgt[2:] + ["More."], back[:1] + ["", ""]))[-1] == (
        (),
        (2,),
    )


def test_back_translations_must_match_the_targets() -> None:
    with pytest.raises(ValueError, match="2 target texts but 1 back-translations"):
        align_sentences(["Hola."], ["Hello.", "Bye."], ["Hola."])


def test_similarity_is_one_language_and_anchored_by_numbers_and_names() -> None:
    same = similarity("Madrid gastará 12 millones.", "Madrid gastará 12 millones.")
    changed = similarity("Madrid gastará 12 millones.", "Madrid gastará 15 millones.")
    unrelated = similarity("Madrid gastará 12 millones.", "El tiempo será soleado mañana.")
    assert same == pytest.approx(1.0)
    assert unrelated < 0.2 < changed < same
    # Case, accents and spacing do not matter; number separators neither.
    assert similarity("Más de 3.000 firmas", "mas de  3,000 firmas") == pytest.approx(1.0)


def test_paragraphs_align_one_to_one_without_merges_unless_asked() -> None:
    src = ["Uno dos tres cuatro.", "Cinco seis siete ocho. Nueve diez once doce.", "Trece catorce."]
    back = ["Uno dos tres cuatro.", "Cinco seis siete ocho.", "Nueve diez once doce.", "Trece catorce."]
    plain = align_paragraphs(src, back, back)
    assert all(len(link.src) <= 1 and len(link.tgt) <= 1 for link in plain)
    merged = align_paragraphs(src, back, back, merges=True)
    assert _shape(merged) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]


def _sentence(rng: random.Random, vocab: list[str], k: int) -> str:
    words = rng.sample(vocab, rng.randint(6, 18))
    return f"{words[0].capitalize()} {' '.join(words[1:])} {k}."


def _noisy(rng: random.Random, text: str, vocab: list[str]) -> str:
    """A stand-in back-translation: a quarter of the words replaced."""
    words = text.split()
    return " ".join(rng.choice(vocab) if rng.random() < 0.25 else w for w in words)


@pytest.fixture(scope="module")
def long_text() -> tuple[list[str], list[str]]:
    rng = random.Random(7)
    vocab = [
        a + b for a in ("ka", "lo", "mi", "su", "te", "ra", "no", "pe") for b in ("da", "ren", "sol", "vi")
    ]
    vocab += [a + b for a in ("bra", "cle", "dru", "fla", "gri") for b in ("mo", "tan", "zel")]
    src = [_sentence(rng, vocab, k) for k in range(1000)]
    back = [_noisy(rng, s, vocab) for s in src]
    return src, back


def test_thousand_sentences_align_in_a_band(long_text: tuple[list[str], list[str]]) -> None:
    src, back = long_text
    links = align_sentences(src, back, back)
    assert _shape(links) == _one_to_one(1000)


def test_band_widens_for_a_long_deletion(long_text: tuple[list[str], list[str]]) -> None:
    """60 sentences missing in the middle: further than the first band reaches from the diagonal."""
    src, back = long_text
    tgt = back[:300] + back[360:]
    links = align_sentences(src, tgt, tgt)
    _assert_partition(links, 1000, 940)
    assert [link.src[0] for link in links if not link.tgt] == list(range(300, 360))
    assert all(link.src == (link.tgt[0] + (60 if link.tgt[0] >= 300 else 0),) for link in links if link.tgt)


def test_scattered_edits_in_a_long_text(long_text: tuple[list[str], list[str]]) -> None:
    src, back = long_text
    tgt = list(back)
    del tgt[700]  # omission of src 700
    tgt.insert(400, "Zz yy xx ww vv uu tt ss rr.")  # addition before src 400
    links = align_sentences(src, tgt, tgt)
    _assert_partition(links, 1000, 1000)
    assert [link.src for link in links if not link.tgt] == [(700,)]
    assert [link.tgt for link in links if not link.src] == [(400,)]
