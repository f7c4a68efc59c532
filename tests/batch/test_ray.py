"""The Ray engine on a local Ray instance gives the local engine's rows."""

from __future__ import annotations

import pandas as pd
import pytest

import stance
from stance.batch.local import BatchOptions, run_batch
from stance.config import ClassifyConfig, ExtractConfig

ray = pytest.importorskip("ray", reason="the Ray engine is an optional extra: pip install 'stance[ray]'")

from conftest import write_corpus  # noqa: E402

from stance.batch.ray import run_ray  # noqa: E402


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_and_local_engines_write_the_same_rows(tmp_path, local_ray, tiny_models):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 15)
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "calm.txt").write_text("Nothing was said today.", encoding="utf-8")
    labels = ClassifyConfig(tone_model=str(tiny_models["tone"]), stance_model=str(tiny_models["stance"]))
    local, distributed = tmp_path / "local.parquet", tmp_path / "ray.parquet"
    a = run_batch([str(corpus)], ExtractConfig(), BatchOptions(output=local, classify=labels, part_articles=4))
    b = run_ray([str(corpus)], ExtractConfig(batch_size=4), BatchOptions(output=distributed, classify=labels,
                                                                         workers=2, part_articles=4))
    assert (a.articles, a.quotes, [e.source for e in a.errors]) == (b.articles, b.quotes, [e.source for e in b.errors])
    want, got = stance.load(local), stance.load(distributed)
    assert len(got) == 30
    text_columns = [c for c in want.columns if str(want[c].dtype) in ("string", "int64")]
    pd.testing.assert_frame_equal(got[text_columns], want[text_columns])
    pd.testing.assert_frame_equal(got.drop(columns=text_columns), want.drop(columns=text_columns), atol=1e-5)


def test_ray_engine_resumes(tmp_path, local_ray):
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 6)
    out = tmp_path / "q.parquet"
    run_ray([str(p) for p in sorted(corpus.glob("*.txt"))[:3]], ExtractConfig(), BatchOptions(output=out))
    # Leave the finished output as a committed part, as a killed run would, and resume over the whole corpus.
    from stance.batch.parts import commit_part

    options = BatchOptions(output=out, resume=True)
    commit_part(options.parts_dir, 0, stance.load(out), ["art000", "art001", "art002"], [], [0, 1, 2])
    report = run_ray([str(corpus)], ExtractConfig(), options)
    assert report.resumed == 3 and report.articles == 3
    assert sorted(stance.load(out)["quote_id"]) == sorted(stance.extract(str(corpus))["quote_id"])


def test_ray_output_has_no_internal_columns_when_no_article_has_quotes(tmp_path, local_ray):
    corpus = tmp_path / "calm"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"c{i}.txt").write_text("Nothing was said today.", encoding="utf-8")
    out = tmp_path / "q.parquet"
    report = run_ray([str(corpus)], ExtractConfig(), BatchOptions(output=out))
    assert report.articles == 3 and report.quotes == 0
    assert list(stance.load(out).columns) == list(stance.extract(str(corpus)).columns)


def test_ray_engine_refuses_a_bad_model_before_reading(tmp_path, local_ray):
    from stance.errors import ModelError

    (tmp_path / "junk").mkdir()
    with pytest.raises(ModelError, match="not a model directory"):
        run_ray([str(tmp_path)], ExtractConfig(),
                BatchOptions(output=tmp_path / "q.parquet", classify=ClassifyConfig(tone_model=str(tmp_path / "junk"))))
