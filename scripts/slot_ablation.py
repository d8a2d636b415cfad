"""Per-slot feature-family ablation of the learned slot chooser: what each family of candidate
features is worth on held-out tune documents (``python scripts/train_slots.py --ablate 4``).

Each fold of the document-grouped cross-validation of :mod:`scripts.train_slots` is extracted
once, with that fold's fitted metric and entity weights in place (exactly as ``--cv`` does). Then,
per slot and per feature family (the name before ``=``), the slot's weights are refitted on the
fold's training decisions without that family (or, for a family the settings leave out, with it
put back) and the fold's recorded held-out decisions are replayed with the refitted weights. The
replay keeps the recorded candidates, so the knock-on effect of a changed metric pick on the entity
candidates is not in the figure: a row is the family's own worth to the slot's ranking, and a
setting the table suggests still has to pass ``--cv`` and the check aggregate before it is kept.
"""

from __future__ import annotations


def family_rows(slot: str, fold_pairs: list[tuple[list, list]], cfg: dict, fit, claims, picks) -> list[tuple]:
    """Rows ``(family, action, mean delta, pooled delta in claims, per-fold deltas)`` for ``slot``,
    best first, against the fit under ``cfg`` (the slot's settings); ``fold_pairs`` is one
    ``(training pairs, held-out pairs)`` per fold; ``fit``, ``claims`` and ``picks`` are
    train_slots' ``fit_weights``, ``claims`` and ``picks``. ``action`` is "drop" for a family the
    fit uses and "add" for one the settings leave out."""
    held = [[c for _, _, c in claims(slot, h)] for _, h in fold_pairs]

    def accepted(c_cfg: dict) -> list[tuple[int, int]]:
        out = []
        for (train, _), groups in zip(fold_pairs, held):
            w = fit(slot, train, c_cfg)
            out.append((sum(c[picks(c, w, c_cfg["rule_margin"])][1] for c in groups if c), len(groups)))
        return out

    base = accepted(cfg)
    dropped = set(cfg.get("drop_families", ()))
    families = sorted({k.split("=", 1)[0] for train, _ in fold_pairs
                       for _, _, c in claims(slot, train) for f, _ in c for k in f} | dropped)
    rows = []
    for fam in families:
        action = "add" if fam in dropped else "drop"
        drop = sorted(dropped - {fam}) if action == "add" else sorted(dropped | {fam})
        got = accepted(dict(cfg, drop_families=drop))
        deltas = [(a - b) / max(n, 1) for (a, n), (b, _) in zip(got, base)]
        rows.append((fam, action, sum(deltas) / len(deltas), sum(a for a, _ in got) - sum(b for b, _ in base), deltas))
    return sorted(rows, key=lambda r: (-r[2], r[0]))


def report(slot: str, rows: list[tuple]) -> str:
    """The rows of :func:`family_rows` as a table: a positive delta means the CV mean rises without
    the family (or with it put back)."""
    lines = [f"{slot}: family ablation (CV mean delta, pooled claims delta, per-fold deltas)"]
    for fam, action, mean, pooled, deltas in rows:
        lines.append(f"  {action:4s} {fam:22s} {mean:+.3f} {pooled:+4d}  " + " ".join(f"{d:+.3f}" for d in deltas))
    return "\n".join(lines)
