"""Translatable names of the forecast methods and, in plain words, what each one does."""

from flask_babel import lazy_gettext as _l

FORECAST_LABELS = {
    "none": _l("No forecast"),
    "mean": _l("Average of its days"),
    "level": _l("Level"),
    "damped": _l("Damped trend"),
    "level_weekday": _l("Level with weekday rhythm"),
    "damped_weekday": _l("Damped trend with weekday rhythm"),
    "sba": _l("Intermittent (SBA)"),
    "tsb": _l("Intermittent (TSB)"),
    "level_yearly": _l("Level with yearly season"),
}

FORECAST_REASONS = {
    "level_yearly": _l(
        "The demand of the last weeks scaled to each day's time of year, as seen in the same weeks "
        "of the two years before."
    ),
    "none": _l("No demand since this item's first movement, so the forecast is 0."),
    "mean": _l("The average demand per day of the days it has."),
    "level": _l("The current level of demand, following recent days more than old ones, the same for every day ahead."),
    "damped": _l(
        "The current level and its trend, the trend fading over the days ahead so a run of growth is not extended forever."
    ),
    "level_weekday": _l(
        "The current level of demand times each weekday's share of the week (busier weekends, quiet Mondays)."
    ),
    "damped_weekday": _l("The current level and its fading trend, times each weekday's share of the week."),
    "sba": _l(
        "For demand on a few days only: the usual size of an order divided by the usual days between orders, lowered slightly so it does not run high (Croston's method as corrected by Syntetos and Boylan)."
    ),
    "tsb": _l(
        "For demand on a few days only: the usual size of an order times the chance of an order on a day, which falls as the days without one add up (Teunter, Syntetos and Babai)."
    ),
}
