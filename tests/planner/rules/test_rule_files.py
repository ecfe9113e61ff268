"""Code-health tests for the rule files under ``planner/rules``.

Every parameter file is checked on its own (so one broken file names
itself), the whole tree must load, the strict loader must refuse the usual
mistakes, and a few lookups pin the behaviour the planner relies on.
Model: policyengine-us ``tests/code_health/``.
"""

from __future__ import annotations

import re
import textwrap
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from planner.rules import RULES_DIR, Parameter, RuleFileError, RuleSet, load_dir, parse_parameter

RULE_PATHS = sorted(RULES_DIR.rglob("*.yaml"))
STATUSES = {"verified", "copy", "secondary", "derived", "unverified", "unknown"}
URL_RE = re.compile(r"^https?://\S+$")


def _param_id(path: Path) -> str:
    return path.relative_to(RULES_DIR).with_suffix("").as_posix()


def _parse(param_id: str) -> Parameter:
    path = RULES_DIR / f"{param_id}.yaml"
    return parse_parameter(param_id, path.read_text(encoding="utf-8"))


# --- every file on its own ------------------------------------------------------------------------


def test_there_are_rule_files() -> None:
    assert len(RULE_PATHS) >= 40


@pytest.fixture(params=RULE_PATHS, ids=_param_id)
def rule_file(request: pytest.FixtureRequest) -> tuple[Path, str, Parameter]:
    path: Path = request.param
    text = path.read_text(encoding="utf-8")
    return path, text, parse_parameter(_param_id(path), text)


def test_file_has_no_tabs(rule_file: tuple[Path, str, Parameter]) -> None:
    _, text, _ = rule_file
    assert "\t" not in text


def test_labels_and_descriptions_in_both_languages(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    for text in (param.label, param.description):
        assert text.nl.strip()
        assert text.en.strip()
        assert text.nl != text.en, f"{param.id}: nl and en texts are the same"


def test_article_unit_and_period_are_set(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    assert param.article.nl.strip()
    assert param.article.en.strip()
    assert param.article.nl != param.article.en, f"{param.id}: the article is cited the same in nl and en"
    assert param.unit
    assert param.period
    assert param.indexation in {"half-yearly", "yearly", "none"}
    assert param.earlier_values in {"none", "unknown"}


def test_dates_strictly_ascending(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    assert param.starts, f"{param.id} has no values"
    assert all(a < b for a, b in zip(param.starts, param.starts[1:], strict=False)), param.starts


def test_every_value_has_status_and_single_url_references(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    for entry in param.entries:
        where = f"{param.id} @ {entry.start.isoformat()}"
        assert entry.status in STATUSES, where
        assert len(entry.references) >= 1, where
        for ref in entry.references:
            assert ref.title.strip(), where
            assert URL_RE.match(ref.url), f"{where}: {ref.url!r}"
            assert ref.url.count("http://") + ref.url.count("https://") == 1, f"{where}: {ref.url!r}"
            assert date.fromisoformat(ref.consulted), where


def test_values_match_unit_and_status(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    for entry in param.entries:
        where = f"{param.id} @ {entry.start.isoformat()}"
        if entry.ends or entry.status == "unknown":
            assert entry.value is None, where
            continue
        if param.unit in ("eur", "percent"):
            assert isinstance(entry.value, Decimal), where
            assert entry.value >= 0, where
        elif param.unit == "month_list":
            assert isinstance(entry.value, tuple), where
            assert all(1 <= m <= 12 for m in entry.value), where
        elif param.unit == "choice":
            assert isinstance(entry.value, str) and entry.value.isidentifier(), where
        else:
            assert isinstance(entry.value, int), where
            assert not isinstance(entry.value, bool), where
        if param.unit == "percent":
            assert entry.value <= 100, where


def test_an_ending_entry_is_never_first(rule_file: tuple[Path, str, Parameter]) -> None:
    _, _, param = rule_file
    assert not param.entries[0].ends, f"{param.id} starts with 'ends: true'"


def test_whole_tree_loads() -> None:
    rules = load_dir(RULES_DIR)
    assert set(rules.ids()) == {_param_id(p) for p in RULE_PATHS}


# --- the parameters of the bijstand dossier exist ---------------------------------------------------

DOSSIER_IDS = [
    "participatiewet/norm/art20_1a_alleenstaande_18_20",
    "participatiewet/norm/art20_1b_gehuwden_18_20_zonder_kind",
    "participatiewet/norm/art20_2b_gehuwden_18_20_met_kind",
    "participatiewet/norm/art20_1c_gehuwden_18_20_en_21_zonder_kind",
    "participatiewet/norm/art20_2c_gehuwden_18_20_en_21_met_kind",
    "participatiewet/norm/art20_3_verhoging_18_20",
    "participatiewet/norm/art21a_alleenstaande",
    "participatiewet/norm/art21b_gehuwden",
    "participatiewet/norm/art22a_alleenstaande_aow",
    "participatiewet/norm/art22bc_gehuwden_aow",
    "participatiewet/norm/art22a3_partner_18_20_met_kind",
    "participatiewet/norm/art22a3_partner_18_20_zonder_kind",
    "participatiewet/vakantietoeslag/percentage",
    "participatiewet/kostendelersnorm/basis_percentage",
    "participatiewet/kostendelersnorm/per_persoon_percentage",
    "participatiewet/kostendelersnorm/minimum_leeftijd",
    "participatiewet/vrijlating/minimum_leeftijd",
    "participatiewet/vrijlating/n_percentage",
    "participatiewet/vrijlating/n_maximum",
    "participatiewet/vrijlating/n_maanden",
    "participatiewet/vrijlating/r_percentage",
    "participatiewet/vrijlating/r_maximum",
    "participatiewet/vrijlating/r_maanden",
    "participatiewet/vrijlating/r_kind_leeftijd",
    "participatiewet/vrijlating/y_percentage",
    "participatiewet/vrijlating/y_maximum",
    "participatiewet/vrijlating/art34a_percentage",
    "participatiewet/vrijlating/art34a_maanden",
    "participatiewet/vrijlating/art34a_aow_percentage",
    "participatiewet/vrijlating/art34a_aow_maximum",
    "participatiewet/premie/art31_2j_maximum",
    "participatiewet/vakantieaanspraak/art11_grens_1",
    "participatiewet/vakantieaanspraak/art11_grens_2",
    "participatiewet/vakantieaanspraak/art11_grens_3",
    "participatiewet/vakantieaanspraak/art11_percentage",
    "participatiewet/vakantieaanspraak/art11_aftrek_2",
    "participatiewet/vakantieaanspraak/art11_aftrek_3",
    "participatiewet/vakantieaanspraak/art11_percentage_4",
    "participatiewet/vakantieaanspraak/art11_aftrek_4",
    "aow/pensioengerechtigde_leeftijd",
    "gemeenten/amsterdam/bijverdienpremie/percentage",
    "gemeenten/amsterdam/bijverdienpremie/uitbetaalmaanden",
    "gemeenten/amsterdam/bijverdienpremie_experiment_2018/percentage",
    "gemeenten/amsterdam/bijverdienpremie_experiment_2018/maximum_per_maand",
    "gemeenten/amsterdam/bijverdienpremie_experiment_2018/uitbetaalmaanden",
]


def test_dossier_parameters_have_files() -> None:
    present = {_param_id(p) for p in RULE_PATHS}
    missing = [pid for pid in DOSSIER_IDS if pid not in present]
    assert not missing


# --- the strict loader refuses the usual mistakes ----------------------------------------------------

VALID = textwrap.dedent(
    """\
    label:
      nl: Testnorm
      en: Test norm
    description:
      nl: Een norm om te testen.
      en: A norm for testing.
    article:
      nl: Participatiewet, artikel 21, onderdeel a
      en: Participatiewet, article 21, item a
    unit: eur
    period: month
    indexation: half-yearly
    values:
      "2026-01-01":
        value: "1401.50"
        status: verified
        references:
          - title: Participatiewet art. 21, tekst per 1 januari 2026
            url: https://wetten.overheid.nl/BWBR0015703/2026-01-01#Artikel21
            consulted: "2026-11-23"
    """
)

REFERENCE = textwrap.indent(
    textwrap.dedent(
        """\
        references:
          - title: Participatiewet art. 21, tekst per 1 juli 2026
            url: https://wetten.overheid.nl/BWBR0015703/2026-07-01#Artikel21
            consulted: "2026-11-23"
        """
    ),
    "    ",
)


def test_valid_example_parses() -> None:
    param = parse_parameter("test/valid", VALID)
    assert param.entries[0].value == Decimal("1401.50")


def test_rejects_unknown_key_in_value() -> None:
    text = VALID.replace("    status: verified\n", "    status: verified\n    remark: typo\n")
    with pytest.raises(RuleFileError, match="remark"):
        parse_parameter("test/unknown_key", text)


def test_rejects_unknown_top_level_key() -> None:
    with pytest.raises(RuleFileError, match="source"):
        parse_parameter("test/unknown_top_key", VALID + "source: somewhere\n")


def test_rejects_duplicate_date_key() -> None:
    text = VALID + '  "2026-01-01":\n    value: "1419.46"\n    status: verified\n' + REFERENCE
    with pytest.raises(RuleFileError, match="duplicate key"):
        parse_parameter("test/duplicate", text)


def test_rejects_unquoted_float_amount() -> None:
    text = VALID.replace('value: "1401.50"', "value: 1401.50")
    with pytest.raises(RuleFileError, match="unquoted decimal"):
        parse_parameter("test/float", text)


def test_rejects_unquoted_integer_amount() -> None:
    text = VALID.replace('value: "1401.50"', "value: 1401")
    with pytest.raises(RuleFileError, match="quoted decimal"):
        parse_parameter("test/int_amount", text)


def test_rejects_missing_reference() -> None:
    head, _, _ = VALID.partition("    references:\n")
    with pytest.raises(RuleFileError, match="references"):
        parse_parameter("test/no_reference", head)


def test_rejects_empty_reference_list() -> None:
    head, _, _ = VALID.partition("    references:\n")
    with pytest.raises(RuleFileError, match="references"):
        parse_parameter("test/empty_reference", head + "    references: []\n")


def test_rejects_two_urls_in_one_reference() -> None:
    text = VALID.replace(
        "#Artikel21\n", "#Artikel21 https://wetten.overheid.nl/BWBR0015703/2025-01-01#Artikel21\n"
    )
    with pytest.raises(RuleFileError, match="exactly one"):
        parse_parameter("test/two_urls", text)


def test_rejects_out_of_order_dates() -> None:
    text = VALID + '  "2025-07-01":\n    value: "1369.06"\n    status: verified\n' + REFERENCE
    with pytest.raises(RuleFileError, match="ascending"):
        parse_parameter("test/order", text)


def test_rejects_value_with_status_unknown() -> None:
    text = VALID.replace("status: verified", "status: unknown")
    with pytest.raises(RuleFileError, match="status 'unknown'"):
        parse_parameter("test/unknown_with_value", text)


def test_rejects_tab() -> None:
    text = VALID.replace("nl: Participatiewet", "nl: Participatiewet\t")
    with pytest.raises(RuleFileError):
        parse_parameter("test/tab", text)


# --- lookups ------------------------------------------------------------------------------------------

LOOKUP_IDS = [
    "participatiewet/norm/art21a_alleenstaande",
    "participatiewet/norm/art20_3_verhoging_18_20",
    "participatiewet/vakantieaanspraak/art11_grens_1",
    "participatiewet/vrijlating/n_maximum",
    "participatiewet/vrijlating/art34a_percentage",
    "participatiewet/premie/art31_2j_maximum",
    "participatiewet/kostendelersnorm/minimum_leeftijd",
    "aow/pensioengerechtigde_leeftijd",
    "gemeenten/amsterdam/bijverdienpremie_experiment_2018/maximum_per_maand",
]


@pytest.fixture(scope="module")
def rules() -> RuleSet:
    """Only the files these lookups use, so a broken unrelated file fails only its own tests."""
    return RuleSet({pid: _parse(pid) for pid in LOOKUP_IDS})


def test_norm_21a_in_force_2026(rules: RuleSet) -> None:
    found = rules.find("participatiewet/norm/art21a_alleenstaande", date(2026, 3, 1))
    assert found is not None
    assert found.value == Decimal("1401.50")
    assert found.coverage == "in_force"
    assert found.certain


def test_norm_21a_after_last_known_half_year_is_not_yet_published(rules: RuleSet) -> None:
    found = rules.find("participatiewet/norm/art21a_alleenstaande", date(2027, 2, 1))
    assert found is not None
    assert found.coverage == "not_yet_published"
    assert found.value == Decimal("1419.46")
    assert not found.published


def test_norm_21a_before_first_value_is_none(rules: RuleSet) -> None:
    assert rules.find("participatiewet/norm/art21a_alleenstaande", date(2024, 6, 1)) is None


def test_verhoging_18_20_does_not_exist_before_2026(rules: RuleSet) -> None:
    assert rules.find("participatiewet/norm/art20_3_verhoging_18_20", date(2025, 12, 31)) is None
    found = rules.find("participatiewet/norm/art20_3_verhoging_18_20", date(2026, 1, 1))
    assert found is not None
    assert found.value == Decimal("746.45")


def test_vakantieaanspraak_band_before_2026_is_earlier_unknown(rules: RuleSet) -> None:
    found = rules.find("participatiewet/vakantieaanspraak/art11_grens_1", date(2025, 6, 1))
    assert found is not None
    assert found.coverage == "earlier_unknown"
    assert found.value == Decimal("876.39")


def test_n_maximum_july_2026_is_unverified(rules: RuleSet) -> None:
    found = rules.find("participatiewet/vrijlating/n_maximum", date(2026, 8, 1))
    assert found is not None
    assert found.status == "unverified"
    assert found.coverage == "in_force"
    assert not found.certain


def test_art34a_only_from_2027(rules: RuleSet) -> None:
    assert rules.find("participatiewet/vrijlating/art34a_percentage", date(2026, 12, 31)) is None
    found = rules.get("participatiewet/vrijlating/art34a_percentage", date(2027, 1, 1))
    assert found.value == Decimal("15")


def test_premie_j_is_yearly(rules: RuleSet) -> None:
    found = rules.get("participatiewet/premie/art31_2j_maximum", date(2026, 11, 1))
    assert found.value == Decimal("3398")
    assert found.coverage == "in_force"
    later = rules.get("participatiewet/premie/art31_2j_maximum", date(2027, 1, 1))
    assert later.coverage == "not_yet_published"


def test_kostendelers_age_changes_in_2023(rules: RuleSet) -> None:
    assert rules.get("participatiewet/kostendelersnorm/minimum_leeftijd", date(2022, 12, 31)).value == 21
    assert rules.get("participatiewet/kostendelersnorm/minimum_leeftijd", date(2023, 1, 1)).value == 27


def test_aow_age_in_months(rules: RuleSet) -> None:
    assert rules.get("aow/pensioengerechtigde_leeftijd", date(2026, 5, 1)).value == 67 * 12
    assert rules.get("aow/pensioengerechtigde_leeftijd", date(2028, 5, 1)).value == 67 * 12 + 3


def test_experiment_2018_ends_in_march_2021(rules: RuleSet) -> None:
    pid = "gemeenten/amsterdam/bijverdienpremie_experiment_2018/maximum_per_maand"
    assert rules.get(pid, date(2021, 2, 28)).value == Decimal("200.00")
    assert rules.find(pid, date(2021, 3, 1)) is None


# The official publications of Dutch law and regulations (the law text, the Staatscourant, local regulations).
OFFICIAL_TEXT_HOSTS = {"wetten.overheid.nl", "zoek.officielebekendmakingen.nl", "lokaleregelgeving.overheid.nl"}


def _host(url: str) -> str:
    return re.sub(r"^https?://([^/]+).*$", r"\1", url)


def test_status_says_what_the_source_is(rule_file: tuple[Path, str, Parameter]) -> None:
    """A value read only in the law text is not labelled as read on another website, and a 'copy' cites one."""
    _, _, param = rule_file
    for entry in param.entries:
        where = f"{param.id} @ {entry.start.isoformat()}"
        hosts = {_host(ref.url) for ref in entry.references}
        if entry.status == "secondary":
            assert hosts - OFFICIAL_TEXT_HOSTS, f"{where}: every source is an official text, so it is not 'secondary'"
        if entry.status == "copy":
            assert hosts & OFFICIAL_TEXT_HOSTS, f"{where}: a 'copy' of the law text names the official text it copies"
