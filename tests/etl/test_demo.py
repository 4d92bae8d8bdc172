"""The synthetic demo exports: deterministic, in the contract's formats, telling the story."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from datetime import date, datetime
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from etl.contract import INITIATIVES, OBSTACLES, RESPONSES
from etl.demo import DemoResult, texts, write_demo_exports
from etl.demo.generate import DemoData, generate, months_before
from etl.demo.places import load_geography
from etl.demo.profiles import PROFILES, STOPS_ANSWERING, SUBSIDY_TAP

AS_OF = date(2026, 11, 26)
SEED = 2026
RAREST = next(code for code, profile in PROFILES.items() if profile == "zelden")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[DemoResult, list[str]]:
    messages: list[str] = []
    result = write_demo_exports(
        tmp_path_factory.mktemp("demo"), seed=SEED, as_of=AS_OF, progress=messages.append
    )
    return result, messages


@pytest.fixture(scope="module")
def demo(run: tuple[DemoResult, list[str]]) -> DemoResult:
    return run[0]


@pytest.fixture(scope="module")
def data() -> DemoData:
    """The true records behind the files (same seed: the generator draws first)."""
    return generate(np.random.default_rng(SEED), load_geography(), AS_OF)


def read_csv(path: Path, encoding: str, delimiter: str) -> pd.DataFrame:
    text = path.read_bytes().decode(encoding)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    return pd.DataFrame(rows[1:], columns=rows[0], dtype=str)


def broken_ids(demo: DemoResult, file: str) -> set[str]:
    return {b.record_id for b in demo.broken if b.file == file}


def day_first(values: pd.Series) -> pd.Series:
    """'05-03-2024', '5-3-2024' or '05-03-2024 14:10' as dates."""
    return pd.to_datetime(values.str.split(" ").str[0], format="%d-%m-%Y")


def key(header: str) -> str:
    return re.sub(r"[\W_]+", "", header.casefold())


def test_same_seed_gives_identical_bytes_and_another_seed_other_data(
    demo: DemoResult, tmp_path: Path
) -> None:
    again = write_demo_exports(tmp_path / "again", seed=SEED, as_of=AS_OF)
    other = write_demo_exports(tmp_path / "other", seed=SEED + 1, as_of=AS_OF)

    assert again.files == demo.files
    for name in demo.files:
        assert (again.out_dir / name).read_bytes() == (demo.out_dir / name).read_bytes(), name
    for name in demo.files:
        if name != "verwijderen_demo.csv":  # two ids: may coincide by chance
            assert (other.out_dir / name).read_bytes() != (demo.out_dir / name).read_bytes()


def test_the_workbook_claims_a_fixed_moment_and_puts_data_on_the_second_sheet(
    demo: DemoResult,
) -> None:
    book = openpyxl.load_workbook(demo.out_dir / "initiatieven_demo.xlsx")
    moment = datetime(AS_OF.year, AS_OF.month, AS_OF.day, 12)
    assert book.properties.created == moment
    assert book.properties.modified == moment
    assert book.sheetnames == ["Info", "Registraties"]
    info = " ".join(str(v) for row in book["Info"].values for v in row)
    assert "fictief" in info
    assert "initiatief_id" not in info
    sheet = book["Registraties"]
    header = [c.value for c in sheet[1]]
    assert header == [c.name for c in INITIATIVES.columns]
    registered = [row[0] for row in sheet.iter_rows(min_row=2, min_col=16, max_col=16)]
    assert all(c.is_date for c in registered if c.value is not None)
    # zipfile stamps entries with the current time unless told otherwise
    with zipfile.ZipFile(demo.out_dir / "initiatieven_demo.xlsx") as archive:
        assert {i.date_time for i in archive.infolist()} == {moment.timetuple()[:6]}


def test_every_template_text_can_be_written_in_windows_1252() -> None:
    strings: list[str] = []
    for value in vars(texts).values():
        if isinstance(value, dict):
            value = [x for v in value.values() for x in (v if isinstance(v, tuple) else (v,))]
        if isinstance(value, (tuple, list)):
            strings += [v for v in value if isinstance(v, str)]
    assert len(strings) > 200
    for text in strings:
        text.encode("cp1252")


def test_the_newer_obstacle_export_is_windows_1252_with_its_own_headers(
    demo: DemoResult,
) -> None:
    raw = (demo.out_dir / "knelpunten_2024-heden.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text = raw.decode("cp1252")
    assert "ö" in text or "é" in text
    header = text.split("\r\n", 1)[0].split(";")
    assert "Gemeld op" in header
    assert "Thema" in header
    assert [key(h) for h in header] == [key(c.name) for c in OBSTACLES.columns]
    rows = read_csv(demo.out_dir / "knelpunten_2024-heden.csv", "cp1252", ";")
    assert {"Zorg en welzijn", "Hoog"} & set(rows.values.ravel())
    assert rows["Gemeld op"].str.fullmatch(r"\d{1,2}-\d{1,2}-\d{4}").mean() > 0.95


def test_the_older_obstacle_export_is_utf8_with_bom_and_iso_dates(demo: DemoResult) -> None:
    raw = (demo.out_dir / "knelpunten_2021-2023.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv(demo.out_dir / "knelpunten_2021-2023.csv", "utf-8-sig", ",")
    assert list(rows.columns) == [c.name for c in OBSTACLES.columns]
    assert rows["gemeld_op"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").mean() > 0.99


def test_counts_are_in_the_asked_ranges_and_about_one_percent_is_broken(
    run: tuple[DemoResult, list[str]],
) -> None:
    demo, messages = run
    assert 550 <= demo.counts["initiatives"] <= 700
    assert 2_300 <= demo.counts["obstacles"] <= 2_800
    assert 3_400 <= demo.counts["responses"] <= 4_800
    assert demo.broken_rows == len(demo.broken)
    total = sum(demo.counts.values())
    assert 0.005 * total <= demo.broken_rows <= 0.02 * total
    assert {b.file for b in demo.broken} == set(demo.files) - {
        "verwijderen_demo.csv",
        "omzien-demo.json",
    }
    assert messages[0].startswith("Demogegevens genereren (seed 2026")
    assert any(m.startswith("Initiatieven schrijven (") for m in messages)
    assert len(messages) == len(demo.files) + 1


def test_broken_rows_sit_on_the_row_they_report(demo: DemoResult) -> None:
    sources = {
        "knelpunten_2021-2023.csv": ("utf-8-sig", ","),
        "knelpunten_2024-heden.csv": ("cp1252", ";"),
        "reacties_demo.csv": ("utf-8", ";"),
        "reacties_demo_update.csv": ("utf-8", ";"),
    }
    frames = {name: read_csv(demo.out_dir / name, *fmt) for name, fmt in sources.items()}
    sheet = openpyxl.load_workbook(demo.out_dir / "initiatieven_demo.xlsx")["Registraties"]
    for b in demo.broken:
        if b.file == "initiatieven_demo.xlsx":
            assert sheet.cell(b.row, 1).value == b.record_id
        else:
            assert frames[b.file].iloc[b.row - 2, 0] == b.record_id


def test_every_name_is_marked_fictional_and_every_email_is_at_example_org(
    demo: DemoResult,
) -> None:
    sheet = openpyxl.load_workbook(demo.out_dir / "initiatieven_demo.xlsx")["Registraties"]
    names = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(n.endswith(" (fictief)") for n in names if n is not None)
    texts = [str(v) for row in sheet.iter_rows(values_only=True) for v in row if v is not None]
    for name in demo.files:
        if name.endswith(".csv"):
            raw = (demo.out_dir / name).read_bytes()
            texts.append(raw.decode("cp1252" if "2024-heden" in name else "utf-8-sig"))
    emails = {e for text in texts for e in EMAIL.findall(text)}
    assert emails
    assert all(e.endswith("@example.org") for e in emails), sorted(emails)[:5]


def test_some_free_text_carries_personal_data_for_the_redaction_to_show(
    demo: DemoResult,
) -> None:
    rows = read_csv(demo.out_dir / "reacties_demo.csv", "utf-8", ";")
    pii = rows["toelichting"].str.contains(r"@|\d{4} [A-Z]{2} \d|0\d[ -]?\d{6,8}|\+31", regex=True)
    assert 0.02 < pii.mean() < 0.10


def test_no_response_is_dated_before_its_obstacle_or_after_the_as_of_day(
    demo: DemoResult,
) -> None:
    old = read_csv(demo.out_dir / "knelpunten_2021-2023.csv", "utf-8-sig", ",")
    new = read_csv(demo.out_dir / "knelpunten_2024-heden.csv", "cp1252", ";")
    old = old[~old["knelpunt_id"].isin(broken_ids(demo, "knelpunten_2021-2023.csv"))]
    new = new[~new["Knelpunt ID"].isin(broken_ids(demo, "knelpunten_2024-heden.csv"))]
    reported = pd.concat(
        [
            pd.Series(pd.to_datetime(old["gemeld_op"]).to_numpy(), index=old["knelpunt_id"]),
            pd.Series(day_first(new["Gemeld op"]).to_numpy(), index=new["Knelpunt ID"]),
        ]
    )
    main = read_csv(demo.out_dir / "reacties_demo.csv", "utf-8", ";")
    main = main[~main["reactie_id"].isin(broken_ids(demo, "reacties_demo.csv"))]
    update = read_csv(demo.out_dir / "reacties_demo_update.csv", "utf-8", ";")
    update = update[~update["uitkomst"].eq("gesloten")]
    responses = pd.concat(
        [
            main.assign(datum=day_first(main["datum"])),
            update.assign(datum=pd.to_datetime(update["datum"])),
        ]
    )
    assert responses["knelpunt_id"].isin(reported.index).all()
    assert (responses["datum"].to_numpy() >= reported[responses["knelpunt_id"]].to_numpy()).all()
    assert responses["datum"].max() <= pd.Timestamp(AS_OF)
    assert reported.max() <= pd.Timestamp(AS_OF)


def test_the_update_supersedes_about_twenty_responses_and_adds_new_ones(
    demo: DemoResult,
) -> None:
    main = read_csv(demo.out_dir / "reacties_demo.csv", "utf-8", ";").set_index("reactie_id")
    update = read_csv(demo.out_dir / "reacties_demo_update.csv", "utf-8", ";")
    repeated = update[update["reactie_id"].isin(main.index)]
    changed = repeated[
        repeated["uitkomst"].to_numpy()
        != main.loc[repeated["reactie_id"], "uitkomst"].str.lower().to_numpy()
    ]
    assert 15 <= len(changed) <= 25
    assert 1 <= (~update["reactie_id"].isin(main.index)).sum() <= 10


def test_the_erasure_list_names_one_initiative_and_one_obstacle(demo: DemoResult) -> None:
    erase = read_csv(demo.out_dir / "verwijderen_demo.csv", "utf-8", ",")
    assert list(erase.columns) == ["initiatief_id", "knelpunt_id"]
    assert (erase["initiatief_id"] != "").sum() == 1
    assert (erase["knelpunt_id"] != "").sum() == 1


def test_the_manifest_lists_every_export_with_its_hash(demo: DemoResult) -> None:
    manifest = json.loads(demo.manifest.read_text(encoding="utf-8"))
    assert manifest["synthetic"] is True
    assert manifest["generator"] == "omzien demo"
    assert manifest["seed"] == SEED
    assert manifest["as_of"] == AS_OF.isoformat()
    assert set(manifest["files"]) == set(demo.files) - {demo.manifest.name}
    for name, digest in manifest["files"].items():
        assert hashlib.sha256((demo.out_dir / name).read_bytes()).hexdigest() == digest
    assert demo.manifest.read_text().endswith("}\n")


def test_municipalities_differ_as_their_profiles_say(data: DemoData) -> None:
    obstacles = data.obstacles
    first = data.responses.groupby("knelpunt_id")["datum"].min()
    delay = obstacles["knelpunt_id"].map(first) - obstacles["reported"]
    profile = obstacles["cbs_code"].map(PROFILES)
    unanswered = delay.isna().groupby(obstacles["cbs_code"]).agg(["mean", "size"])
    assert unanswered.loc[RAREST, "mean"] > 0.6
    # Where a municipality has enough obstacles to tell (Renswoude has six); Nieuwegein's
    # planted silence is a story of its own (test_the_planted_changes_...).
    enough = unanswered[unanswered["size"] >= 20].drop([RAREST, STOPS_ANSWERING.cbs_code])
    assert enough["mean"].max() < 0.4
    median = delay.groupby(profile).median()
    assert median["snel"] <= 7 < median["gemiddeld"] < 60 < median["traag"]
    resolved = obstacles["knelpunt_id"].isin(
        data.responses.loc[
            data.responses["uitkomst"].isin(["opgelost", "deels_opgelost"]), "knelpunt_id"
        ]
    )
    share = resolved.groupby(profile).mean()
    assert share["snel"] > share["gemiddeld"] > share["traag"] > share["zelden"]
    by_phase = resolved.groupby(obstacles["phase"]).mean()
    assert by_phase["startend"] < by_phase["ervaren"]


def test_every_municipality_has_initiatives_and_some_have_few_obstacles(data: DemoData) -> None:
    per_muni = data.initiatives.groupby("cbs_code").size()
    assert len(per_muni) == 26
    assert per_muni.min() >= 2
    assert per_muni.idxmax() == "GM0344"
    obstacles = data.obstacles.groupby("cbs_code").size()
    assert (obstacles < 10).sum() >= 2


def test_mixes_follow_the_story(data: DemoData) -> None:
    themes = data.obstacles["thema"].value_counts()
    assert set(themes.index[:2]) == {"zorg_welzijn", "ontmoeting"}
    categories = data.obstacles["categorie"].value_counts()
    assert categories.index[0] == "financiering"
    years = pd.to_datetime(data.obstacles["reported"], unit="D").dt.year.value_counts()
    assert years[2025] > years[2022] > years[2021]
    starting = data.obstacles[data.obstacles["phase"] == "startend"]["categorie"]
    experienced = data.obstacles[data.obstacles["phase"] == "ervaren"]["categorie"]
    assert (starting == "financiering").mean() > (experienced == "financiering").mean()
    assert (starting == "inkoop").mean() < (experienced == "inkoop").mean()


def test_the_etl_rejects_exactly_the_broken_rows(demo: DemoResult, tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    from etl.warehouse import build

    result = build(demo.out_dir, tmp_path / "wh.duckdb", as_of=AS_OF, province="Utrecht")
    assert result.synthetic
    with duckdb.connect(str(tmp_path / "wh.duckdb"), read_only=True) as con:
        rejects = con.execute("SELECT path, row_number, field, rule FROM etl.rejects").df()
    got = {(Path(p).name, int(r), f, rule) for p, r, f, rule in rejects.itertuples(index=False)}
    expected = {(b.file, b.row, b.field, b.rule) for b in demo.broken}
    assert got == expected


def test_a_tiny_scale_or_early_as_of_day_is_refused() -> None:
    with pytest.raises(ValueError, match="schaal"):
        write_demo_exports(Path("/nonexistent"), as_of=AS_OF, scale=0.001)
    with pytest.raises(ValueError, match="peildatum"):
        write_demo_exports(Path("/nonexistent"), as_of=date(2021, 3, 1))


def test_responses_match_the_contract_headers(demo: DemoResult) -> None:
    rows = read_csv(demo.out_dir / "reacties_demo.csv", "utf-8", ";")
    assert list(rows.columns) == [c.name for c in RESPONSES.columns]


def test_the_planted_changes_the_signals_must_find(data: DemoData) -> None:
    """Amersfoort's financing obstacles come four times as often since the tap went off;
    Nieuwegein sends no response at all since it stopped answering."""
    obstacles = data.obstacles
    tap_start = months_before(data.as_of, SUBSIDY_TAP.months_before)
    mine = obstacles[obstacles["cbs_code"] == SUBSIDY_TAP.cbs_code]
    financing = mine["categorie"] == SUBSIDY_TAP.category
    after = mine["reported"] >= tap_start
    months_after = (data.as_of - tap_start) / 30.44
    months_before_tap = (tap_start - mine["reported"].min()) / 30.44
    rate_after = (financing & after).sum() / months_after
    rate_before = (financing & ~after).sum() / months_before_tap
    assert rate_after > 3 * rate_before
    silent_from = months_before(data.as_of, STOPS_ANSWERING.months_before)
    silent = set(obstacles.loc[obstacles["cbs_code"] == STOPS_ANSWERING.cbs_code, "knelpunt_id"])
    answered = data.responses[data.responses["knelpunt_id"].isin(silent)]
    assert len(answered) > 0
    assert answered["datum"].max() < silent_from
    update = data.update[data.update["knelpunt_id"].isin(silent)]
    assert (update["datum"] < silent_from).all()
