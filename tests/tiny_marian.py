"""Builders for tiny random-weight Marian models in opus-mt layout (real tokenizer files).

`build_tiny_marian(folder, "en", "de")` writes what `Helsinki-NLP/opus-mt-en-de` ships
(config.json, generation_config.json, model.safetensors, source.spm, target.spm,
vocab.json, tokenizer_config.json) at toy size: a sentencepiece model trained on a few KB
of English and German text written here, and a MarianMTModel with a fixed seed. The
opus-mt config values are set explicitly because `MarianConfig()` defaults describe a
different, larger model. `max_position_embeddings` stays 512 so the 512-token limit of the
real models applies. The weights are random: outputs are gibberish, but deterministic.

`build_tiny_models(models_dir)` creates `opus-mt-en-de` and `opus-mt-de-en` in a models
folder (about 80 KB each, well under a second).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

ENGLISH = """\
Police in the capital raided a camp early on Tuesday morning.
One man was reportedly killed and dozens of people were injured.
The interior ministry has so far refuted the claims made by the group.
About one thousand officers took part in the operation, the council said.
The court had authorised the search because of concerns about cyber attacks.
Residents said the police broke doors, cupboards and computers.
Some of the injured were taken to a hospital in the city.
The government said the operation was legal and proportionate.
The group advocates the overthrow of the regime and has its base in the country.
Journalists were not allowed to enter the camp during the raid.
A spokesman said the investigation would continue for several weeks.
The weather was cold and rainy, and the roads were closed for hours.
Prices rose by three percent last year, according to the statistics office.
The new bridge over the river will open next spring after long delays.
Teachers and parents met at the school to discuss the new timetable.
The minister announced a plan to build twenty thousand homes by 2030.
Farmers fear that the dry summer will destroy much of the harvest.
The museum shows paintings, letters and photographs from the last century.
Scientists measured the temperature of the lake every day for ten years.
The train from Berlin to Munich was delayed by forty minutes on Friday.
Voters will elect a new parliament in the autumn, the president said.
The company hired two hundred workers and opened a second factory.
Doctors warned that the hospital does not have enough beds this winter.
Children played in the park while their parents talked about the news.
"""

GERMAN = """\
Die Polizei in der Hauptstadt hat am frühen Dienstagmorgen ein Lager durchsucht.
Ein Mann wurde Berichten zufolge getötet, Dutzende Menschen wurden verletzt.
Das Innenministerium hat die Behauptungen der Gruppe bisher zurückgewiesen.
Etwa tausend Beamte nahmen an dem Einsatz teil, sagte der Rat.
Das Gericht hatte die Durchsuchung wegen Sorgen über Cyberangriffe genehmigt.
Bewohner sagten, die Polizei habe Türen, Schränke und Computer zerstört.
Einige der Verletzten wurden in ein Krankenhaus in der Stadt gebracht.
Die Regierung erklärte, der Einsatz sei rechtmäßig und verhältnismäßig gewesen.
Die Gruppe fordert den Sturz des Regimes und hat ihren Sitz in dem Land.
Journalisten durften das Lager während der Razzia nicht betreten.
Ein Sprecher sagte, die Ermittlungen würden mehrere Wochen dauern.
Das Wetter war kalt und regnerisch, und die Straßen waren stundenlang gesperrt.
Die Preise stiegen im vergangenen Jahr um drei Prozent, so das Statistikamt.
Die neue Brücke über den Fluss wird nach langen Verzögerungen im Frühjahr eröffnet.
Lehrer und Eltern trafen sich in der Schule, um den neuen Stundenplan zu besprechen.
Der Minister kündigte einen Plan an, bis 2030 zwanzigtausend Wohnungen zu bauen.
Die Bauern fürchten, dass der trockene Sommer einen Großteil der Ernte vernichtet.
Das Museum zeigt Gemälde, Briefe und Fotografien aus dem letzten Jahrhundert.
Wissenschaftler maßen zehn Jahre lang jeden Tag die Temperatur des Sees.
Der Zug von Berlin nach München hatte am Freitag vierzig Minuten Verspätung.
Die Wähler werden im Herbst ein neues Parlament wählen, sagte der Präsident.
Das Unternehmen stellte zweihundert Arbeiter ein und eröffnete eine zweite Fabrik.
Ärzte warnten, dass das Krankenhaus in diesem Winter nicht genug Betten hat.
Kinder spielten im Park, während ihre Eltern über die Nachrichten sprachen.
"""

SAMPLES = {"en": ENGLISH, "de": GERMAN}

# Toy sizes; everything else mirrors Helsinki-NLP/opus-mt-en-de's config.json.
TINY_SIZES = {
    "d_model": 16,
    "encoder_layers": 1,
    "decoder_layers": 1,
    "encoder_attention_heads": 2,
    "decoder_attention_heads": 2,
    "encoder_ffn_dim": 32,
    "decoder_ffn_dim": 32,
}
# The real opus-mt-en-de shape (benchmarks use it with random weights).
OPUS_MT_SIZES = {
    "d_model": 512,
    "encoder_layers": 6,
    "decoder_layers": 6,
    "encoder_attention_heads": 8,
    "decoder_attention_heads": 8,
    "encoder_ffn_dim": 2048,
    "decoder_ffn_dim": 2048,
}
TINY_INIT_STD = 1.0  # large random weights make outputs depend on the input (0.02 gives one string for all)
TINY_MAX_LENGTH = 24  # generation cap of the tiny model (opus-mt: 512); keeps random-weight decoding short


def train_spm(text: str, vocab_size: int) -> bytes:
    """A sentencepiece unigram model trained in memory (<unk>=0, <s>=1, </s>=2 as in opus-mt)."""
    import sentencepiece as spm

    out = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter([line for line in text.splitlines() if line.strip()]),
        model_writer=out,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        hard_vocab_limit=False,
        unk_id=0,
        bos_id=1,
        eos_id=2,
        pad_id=-1,
        num_threads=1,
        minloglevel=2,
        normalization_rule_name="identity",  # keeps the .spm small (no NFKC table)
    )
    return out.getvalue()


def opus_vocab(spm_models: list[bytes], pad_to: int = 0) -> dict[str, int]:
    """vocab.json in opus-mt layout: `</s>`=0, `<unk>`=1, the pieces, filler up to `pad_to`, `<pad>` last.

    Filler entries are short made-up words ("▁bqx"), so that text generated by a random model
    reads back as a realistic number of pieces when fed to the reverse direction.
    """
    import itertools
    import string

    import sentencepiece as spm

    vocab: dict[str, int] = {"</s>": 0, "<unk>": 1}
    for model in spm_models:
        sp = spm.SentencePieceProcessor(model_proto=model)
        for i in range(sp.get_piece_size()):
            if sp.is_unknown(i) or sp.is_control(i):
                continue
            vocab.setdefault(sp.id_to_piece(i), len(vocab))
    letters = string.ascii_lowercase
    words = ("\u2581" + "".join(w) for n in (3, 4) for w in itertools.product(letters, repeat=n))
    while len(vocab) < pad_to - 1:
        vocab.setdefault(next(words), len(vocab))
    vocab["<pad>"] = len(vocab)
    return vocab


def _write_tokenizer(
    folder: Path, src: str, tgt: str, text_src: str, text_tgt: str, spm_vocab_size: int, vocab_pad_to: int
) -> dict[str, int]:
    """The sentencepiece models, the shared vocabulary and the tokenizer config, in opus-mt layout."""
    folder.mkdir(parents=True, exist_ok=True)
    source_spm = train_spm(text_src, spm_vocab_size)
    target_spm = train_spm(text_tgt, spm_vocab_size)
    vocab = opus_vocab([source_spm, target_spm], pad_to=vocab_pad_to)
    (folder / "source.spm").write_bytes(source_spm)
    (folder / "target.spm").write_bytes(target_spm)
    (folder / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    tokenizer_config = {
        "tokenizer_class": "MarianTokenizer",
        "source_lang": src,
        "target_lang": tgt,
        "model_max_length": 512,
        "separate_vocabs": False,
        "unk_token": "<unk>",
        "eos_token": "</s>",
        "pad_token": "<pad>",
    }
    (folder / "tokenizer_config.json").write_text(json.dumps(tokenizer_config, indent=2), encoding="utf-8")
    return vocab


def build_marian(
    folder: Path,
    src: str,
    tgt: str,
    *,
    text_src: str,
    text_tgt: str,
    sizes: dict[str, int],
    spm_vocab_size: int = 300,
    vocab_pad_to: int = 0,
    max_length: int = TINY_MAX_LENGTH,
    init_std: float = 0.02,
    seed: int = 0,
) -> Path:
    """Write a random-weight MarianMT model with real sentencepiece files in opus-mt layout."""
    import torch
    from transformers import GenerationConfig, MarianConfig, MarianMTModel

    vocab = _write_tokenizer(folder, src, tgt, text_src, text_tgt, spm_vocab_size, vocab_pad_to)
    pad_id = vocab["<pad>"]
    config = MarianConfig(
        vocab_size=len(vocab),
        decoder_vocab_size=len(vocab),
        max_position_embeddings=512,
        activation_function="swish",
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
        pad_token_id=pad_id,
        decoder_start_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        bos_token_id=0,
        dropout=0.1,
        attention_dropout=0.0,
        activation_dropout=0.0,
        init_std=init_std,
        **sizes,  # type: ignore[arg-type]  # each size is an int keyword of MarianConfig
    )
    # Extra opus-mt config keys (CTranslate2's converter reads them).
    config.normalize_before = False
    config.normalize_embedding = False
    config.static_position_embeddings = True
    torch.manual_seed(seed)
    model = MarianMTModel(config).eval()  # type: ignore[no-untyped-call]
    model.generation_config = GenerationConfig(  # type: ignore[no-untyped-call]
        max_length=max_length,
        num_beams=1,
        bad_words_ids=[[pad_id]],
        pad_token_id=pad_id,
        eos_token_id=0,
        forced_eos_token_id=0,
        decoder_start_token_id=pad_id,
    )
    model.save_pretrained(folder)
    return folder


def build_tiny_marian(folder: Path, src: str, tgt: str, seed: int = 0) -> Path:
    return build_marian(
        folder,
        src,
        tgt,
        text_src=SAMPLES[src],
        text_tgt=SAMPLES[tgt],
        sizes=TINY_SIZES,
        init_std=TINY_INIT_STD,
        seed=seed,
    )


def build_tiny_models(models_dir: Path) -> Path:
    """`opus-mt-en-de` and `opus-mt-de-en` in `models_dir`; returns `models_dir`."""
    build_tiny_marian(models_dir / "opus-mt-en-de", "en", "de", seed=0)
    build_tiny_marian(models_dir / "opus-mt-de-en", "de", "en", seed=1)
    return models_dir
