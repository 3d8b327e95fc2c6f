import numpy as np
import pytest

from webapp.domain.demand import Pattern, daily_matrix, demand_pattern, demand_stats

RETRO_CLOCK, TEA_TOWEL = 0, 1


def test_daily_matrix_sums_movements_per_row_and_day_and_leaves_quiet_days_at_zero():
    rows = [RETRO_CLOCK, RETRO_CLOCK, RETRO_CLOCK, TEA_TOWEL]
    days = [0, 0, 3, 1]
    qty = [2, 3, 4, 7]

    matrix = daily_matrix(rows, days, qty, (2, 5))

    assert matrix.dtype == np.float64
    assert matrix.tolist() == [[5, 0, 0, 4, 0], [0, 7, 0, 0, 0]]


def test_daily_matrix_drops_movements_outside_the_window_of_days():
    matrix = daily_matrix([0, 0, 0], [-1, 2, 9], [1, 1, 1], (1, 3))

    assert matrix.tolist() == [[0, 0, 1]]


def test_daily_matrix_refuses_a_row_outside_the_shape():
    with pytest.raises(ValueError):
        daily_matrix([2], [0], [1], (2, 3))


def test_daily_matrix_of_no_movements_is_all_zero():
    assert not daily_matrix([], [], [], (3, 4)).any()


def test_stats_match_numpy_mean_and_sample_std_across_several_chunks():
    rng = np.random.default_rng(7)
    demand = rng.poisson(4.0, (1000, 90)).astype(float)
    demand[rng.random(demand.shape) < 0.4] = 0

    stats = demand_stats(demand, chunk_rows=64)

    assert stats.n_days == 90
    np.testing.assert_allclose(stats.mean, demand.mean(axis=1))
    np.testing.assert_allclose(stats.std, demand.std(axis=1, ddof=1), rtol=1e-9, atol=1e-12)
    np.testing.assert_array_equal(stats.demand_days, (demand > 0).sum(axis=1))


def test_stats_use_only_the_last_window_days():
    demand = np.array([[100.0, 100.0, 1.0, 2.0, 3.0]])

    stats = demand_stats(demand, window=3)

    assert stats.mean[0] == pytest.approx(2.0)
    assert stats.std[0] == pytest.approx(1.0)
    assert stats.n_days == 3


def test_constant_demand_has_a_standard_deviation_of_zero_up_to_rounding_never_nan():
    # 0.3 and 2.3 leave a slightly negative sum-of-squares variance before clipping.
    stats = demand_stats(np.array([np.full(365, 0.3), np.full(365, 2.3)]))

    assert np.all(stats.std >= 0)
    np.testing.assert_allclose(stats.std, 0.0, atol=1e-6)


def test_a_window_of_one_day_is_refused_because_a_sample_std_needs_two_days():
    with pytest.raises(ValueError):
        demand_stats(np.ones((3, 10)), window=1)
    with pytest.raises(ValueError):
        demand_stats(np.ones((3, 1)))


def test_a_window_longer_than_the_history_is_refused():
    with pytest.raises(ValueError):
        demand_stats(np.ones((3, 10)), window=11)


def test_demand_days_are_counted_right_for_histories_longer_than_the_fast_path_allows():
    rng = np.random.default_rng(3)
    demand = (rng.random((5, 2100)) < 0.3) * 2.0

    stats = demand_stats(demand)

    np.testing.assert_array_equal(stats.demand_days, (demand > 0).sum(axis=1))


def test_adi_is_days_per_demand_day_and_size_cv2_describes_nonzero_days():
    demand = np.array([[0, 4, 0, 0, 4, 0, 0, 4], [0, 0, 0, 0, 0, 0, 0, 0], [1, 3, 1, 3, 1, 3, 1, 3]], float)

    stats = demand_stats(demand)

    assert stats.adi[0] == pytest.approx(8 / 3)
    assert stats.adi[1] == np.inf
    assert stats.size_cv2[0] == pytest.approx(0.0)
    assert stats.size_cv2[1] == 0.0
    assert stats.size_cv2[2] == pytest.approx(0.25)  # sizes 1 and 3: var 1, mean 2


def test_demand_patterns_follow_syntetos_boylan_cutoffs():
    demand = np.array(
        [
            [5, 6, 5, 4, 5, 6, 5, 4],  # every day, steady sizes
            [1, 9, 1, 12, 1, 9, 1, 14],  # every day, wild sizes
            [0, 5, 0, 0, 5, 0, 0, 6],  # rare, steady sizes
            [0, 1, 0, 0, 20, 0, 0, 2],  # rare, wild sizes
            [0, 0, 0, 0, 0, 0, 0, 0],  # nothing
        ],
        float,
    )

    codes = demand_pattern(demand_stats(demand))

    assert [Pattern(c) for c in codes] == [
        Pattern.SMOOTH,
        Pattern.ERRATIC,
        Pattern.INTERMITTENT,
        Pattern.LUMPY,
        Pattern.NONE,
    ]
