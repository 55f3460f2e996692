"""The pure random steps: quotas, the seeded draw and inspector assignment (property-based)."""

from __future__ import annotations

import random
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from getitong.supervision import sampling
from getitong.supervision.sampling import Pack

ratios = st.decimals(min_value=Decimal("0.1"), max_value=Decimal("100"), places=1)
group_counts = st.dictionaries(st.integers(1, 400), st.integers(0, 3000), min_size=1, max_size=20)


@given(group_counts, ratios)
def test_quotas_are_exact_largest_remainder_shares(counts, ratio):
    q = sampling.quotas(counts, ratio)
    r = ratio / 100
    total = sum(counts.values())
    expected_total = min(total, int(r * total + Decimal("0.5")))
    assert sum(q.values()) == expected_total
    for g, n in counts.items():
        share = r * n
        assert int(share) <= q[g] <= int(share) + 1, (g, n, q[g])
        assert q[g] <= n


def test_quota_example_from_the_manual():
    # 3 % of three authorities with 10, 50 and 40 candidates: 3 in all, remainders .3/.5/.2 → 0, 2, 1.
    assert sampling.quotas({1: 10, 2: 50, 3: 40}, Decimal(3)) == {1: 0, 2: 2, 3: 1}


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.integers(1, 50), st.lists(st.integers(1, 10**9), min_size=0, max_size=300, unique=True),
                       min_size=1, max_size=6), ratios, st.integers(0, 2**62 - 1),
       st.lists(st.integers(1, 10**9), max_size=5))
def test_draw_has_exact_counts_is_reproducible_and_keeps_must_check_out_of_the_pool(cands, ratio, seed, must):
    # the same id may not belong to two authorities
    seen: set[int] = set()
    cands = {g: [i for i in ids if not (i in seen or seen.add(i))] for g, ids in cands.items()}
    drawn = sampling.draw(cands, ratio, seed, must)
    pool_sizes = {g: len([i for i in ids if i not in set(must)]) for g, ids in cands.items()}
    q = sampling.quotas(pool_sizes, ratio)
    for g, ids in drawn.items():
        assert len(ids) == q[g]
        assert len(set(ids)) == len(ids)
        assert set(ids) <= set(cands[g]) - set(must)
    assert drawn == sampling.draw(cands, ratio, seed, must)
    # order of arrival does not matter
    shuffled = {g: random.Random(seed).sample(ids, len(ids)) for g, ids in cands.items()}
    assert drawn == sampling.draw(shuffled, ratio, seed, must)


def test_different_seeds_give_different_samples():
    ids = list(range(1, 1001))
    a = sampling.draw({1: ids}, Decimal(5), 1)[1]
    b = sampling.draw({1: ids}, Decimal(5), 2)[1]
    assert len(a) == len(b) == 50
    assert a != b


def test_draw_is_uniform_over_many_seeds():
    """Every business of an authority is drawn equally often (chi-square, 0.1 % level)."""
    n, k, rounds = 200, 20, 2000
    ids = [7 + 13 * i for i in range(n)]  # not consecutive: keys must not depend on id spacing
    hits: Counter[int] = Counter()
    for seed in range(rounds):
        for i in sampling.draw({1: ids}, Decimal(10), seed * 7919 + 11)[1]:
            hits[i] += 1
    observed = [hits[i] for i in ids]
    assert sum(observed) == k * rounds
    stat = sampling.chi_square(observed, k * rounds / n)
    assert stat < sampling.chi_square_critical(n - 1), stat


def test_pairs_are_not_correlated():
    """Inclusion of neighbouring ids is independent: joint frequency ≈ p² (a weak hash would cluster)."""
    ids = list(range(1, 101))
    together = 0
    rounds = 4000
    for seed in range(rounds):
        s = set(sampling.draw({1: ids}, Decimal(50), seed)[1])
        together += (1 in s and 2 in s)
    assert abs(together / rounds - 0.25 * 49 / 99 * 2) < 0.04  # P(both) = 50/100 × 49/99


def test_key_is_a_spread_signed_64_bit_integer():
    keys = [sampling.draw_key(12345, i) for i in range(1, 20001)]
    assert all(-(2**63) <= k < 2**63 for k in keys)
    assert len(set(keys)) == len(keys)
    below = sum(k < 0 for k in keys)
    assert 9600 < below < 10400
    # the first-pass bound keeps about ratio × 1.25 + 0.4 % of the keys
    t = sampling.threshold(Decimal(10))
    assert 0.125 < sum(k < t for k in keys) / len(keys) < 0.134


def test_key_matches_postgresql_reference_values():
    """Values of SELECT hashint8extended(id, seed) from PostgreSQL 15 (the parity test re-checks live)."""
    assert sampling.draw_key(0, 0) == 4154612158245552303
    assert sampling.draw_key(1, 5) == 1473811485915220926
    assert sampling.draw_key(1, -5) == 7577986230592267202
    assert sampling.draw_key(987654321987654321, 123456789012) == -5266190560675682970


# ---- assignment ----


@st.composite
def pools(draw):
    orgs = draw(st.lists(st.integers(1, 5), min_size=1, max_size=3, unique=True))
    inspectors = {}
    next_id = 1
    for org in orgs:
        for _ in range(draw(st.integers(0, 6))):
            inspectors[next_id] = org
            next_id += 1
    packs = []
    bid = 1
    for key in range(draw(st.integers(1, 12))):
        size = draw(st.integers(1, 5))
        packs.append(Pack(key=key, org_id=draw(st.sampled_from(orgs)), business_ids=tuple(range(bid, bid + size))))
        bid += size
    recusals = {}
    if inspectors:
        for b in range(1, bid):
            if draw(st.booleans()):
                recusals[b] = set(draw(st.lists(st.sampled_from(sorted(inspectors)), max_size=3)))
    team = draw(st.integers(2, 3))
    return packs, inspectors, recusals, team


@settings(max_examples=200, deadline=None)
@given(pools(), st.integers(0, 2**62 - 1))
def test_assignment_never_breaks_the_rules(pool, seed):
    packs, inspectors, recusals, team_size = pool
    result = sampling.assign(packs, inspectors, recusals, team_size=team_size, seed=seed)
    org_of = {b: p.org_id for p in packs for b in p.business_ids}
    for b, team in result.teams.items():
        assert len(team) == team_size
        assert len(set(team)) == team_size  # at least two, distinct
        assert all(inspectors[i] == org_of[b] for i in team)  # the business's own authority
        assert not set(team) & recusals.get(b, set())  # never a recused inspector
    every = set(org_of)
    assert set(result.teams) | set(result.unmatched) == every
    assert not set(result.teams) & set(result.unmatched)
    for b in result.unmatched:
        eligible = [i for i, org in inspectors.items() if org == org_of[b] and i not in recusals.get(b, set())]
        assert len(eligible) < team_size  # reported only when no team was possible
    # reproducible
    again = sampling.assign(packs, inspectors, recusals, team_size=team_size, seed=seed)
    assert again.teams == result.teams
    assert again.unmatched == result.unmatched


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 8), st.integers(1, 40), st.integers(0, 2**62 - 1))
def test_a_pack_goes_to_one_team_and_load_is_balanced(n_inspectors, n_packs, seed):
    size = 3
    packs = [Pack(key=k, org_id=1, business_ids=tuple(range(k * size, k * size + size))) for k in range(n_packs)]
    inspectors = dict.fromkeys(range(1, n_inspectors + 1), 1)
    result = sampling.assign(packs, inspectors, {}, team_size=2, seed=seed)
    for p in packs:
        assert len({result.teams[b] for b in p.business_ids}) == 1
    loads = list(result.load.values())
    assert max(loads) - min(loads) <= size  # least-loaded first: within one pack of each other


def test_pack_is_split_when_one_business_recuses_the_only_team():
    packs = [Pack(key=1, org_id=1, business_ids=(10, 11))]
    result = sampling.assign(packs, {1: 1, 2: 1, 3: 1}, {10: {1}, 11: {2}}, team_size=2, seed=5)
    assert result.teams[10] == (2, 3)
    assert result.teams[11] == (1, 3)
    result = sampling.assign(packs, {1: 1, 2: 1}, {10: {1}}, team_size=2, seed=5)
    assert result.teams == {11: (1, 2)}
    assert result.unmatched == {10: sampling.ALL_RECUSED}
    result = sampling.assign(packs, {1: 2, 2: 1}, {}, team_size=2, seed=5)
    assert result.unmatched == {10: sampling.NO_INSPECTORS, 11: sampling.NO_INSPECTORS}


@settings(max_examples=100, deadline=None)
@given(st.dictionaries(st.integers(1, 20), st.lists(st.integers(1, 10**6), max_size=40, unique=True), min_size=1,
                       max_size=5),
       st.lists(st.tuples(st.integers(1, 20), st.integers(10**6 + 1, 2 * 10**6)), max_size=8,
                unique_by=lambda x: x[1]),
       st.integers(1, 7), st.integers(0, 2**62 - 1))
def test_packs_keep_every_drawn_and_must_check_business_within_its_authority(picked, must, size, seed):
    from getitong.supervision.draw import Drawn, packs

    seen: set[int] = set()
    picked = {g: [i for i in ids if not (i in seen or seen.add(i))] for g, ids in picked.items()}
    drawn = Drawn(seed=seed, counts={}, quotas={}, fingerprint="",
                  picked={g: sorted((sampling.draw_key(seed, i), i) for i in ids) for g, ids in picked.items()},
                  must=sorted((g, sampling.draw_key(seed, b), b) for g, b in must),
                  regions={i: "420204" for ids in picked.values() for i in ids} | {b: "420204" for _, b in must})
    rows = packs(drawn, size)
    assert {r[0] for r in rows} == {i for ids in picked.values() for i in ids} | {b for _, b in must}
    assert len(rows) == len({r[0] for r in rows})
    assert {r[0] for r in rows if r[2]} == {b for _, b in must}  # the must-check list is always in
    org_of = {i: g for g, ids in picked.items() for i in ids} | {b: g for g, b in must}
    by_pack: dict[int, set[int]] = {}
    for b, _, _, pack_no, org, _ in rows:
        assert org == org_of[b]
        by_pack.setdefault(pack_no, set()).add(org)
    assert all(len(orgs) == 1 for orgs in by_pack.values())
    assert max(Counter(r[3] for r in rows).values(), default=0) <= size
