"""What a classifier reads for a quote: its words, its cue (`warned: …`), and, for a model trained so, the
quote's cue sentence (`stance.extraction.context`) after a separator. A model's `config.json` says which
(`stance_input_format`)."""

from __future__ import annotations

#: The cue sentence of a quote is the text between these when it is read with the quote.
CONTEXT_SEPARATOR = " [SEP] "
#: How a model's `config.json` says what it reads (`stance_input_format`).
TEXT, CUE, CUE_CONTEXT = "text", "cue: text", "cue: text [SEP] context"


def with_cue(text: str, cue: str | None) -> str:
    """The classifier input for a quote whose cue is known: `warned: <quote>` (LABELS.md §6: the cue sets
    the labels too); the quote alone without one."""
    cue = (cue or "").strip()
    return f"{cue}: {text}" if cue else text


def with_context(text: str, cue: str | None, context: str | None) -> str:
    """`cue: quote [SEP] cue sentence`, the quote cut out of its sentence; `cue: quote` without a sentence."""
    first = with_cue(text, cue)
    context = " ".join((context or "").split())
    return f"{first}{CONTEXT_SEPARATOR}{context}" if context else first


def fitted(tokenizer, firsts: list[str], contexts: list[str], max_length: int) -> list[str]:
    """`cue: quote [SEP] cue sentence` for each quote, the sentence cut at a token so that the whole fits one
    window of `max_length` tokens (the model learnt it so: training truncates there too); `cue: quote` alone
    where that fills the window itself (it is then read in windows, as any long quote)."""
    lengths = [len(ids) for ids in tokenizer(firsts, add_special_tokens=False)["input_ids"]]
    spans = tokenizer(contexts, add_special_tokens=False, return_offsets_mapping=True)["offset_mapping"] \
        if getattr(tokenizer, "is_fast", False) else [None] * len(contexts)
    out = []
    for first, length, context, offsets in zip(firsts, lengths, contexts, spans):
        budget = max_length - 3 - length  # [CLS] first [SEP] context [SEP]
        if not context or budget < 8:
            out.append(first)
            continue
        if offsets is not None and len(offsets) > budget:
            context = context[:offsets[budget - 1][1]]
        out.append(f"{first}{CONTEXT_SEPARATOR}{context}")
    return out
