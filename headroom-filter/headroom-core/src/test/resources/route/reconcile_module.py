"""Ledger reconciliation: matches bank statement lines to ledger entries."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Iterable, Optional

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Entry:
    """One ledger entry."""
    entry_id: str
    account: str
    amount: Decimal
    memo: str = ""


class Reconciler1:
    """Reconciles batch kind 1 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler2:
    """Reconciles batch kind 2 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler3:
    """Reconciles batch kind 3 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler4:
    """Reconciles batch kind 4 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler5:
    """Reconciles batch kind 5 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler6:
    """Reconciles batch kind 6 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


class Reconciler7:
    """Reconciles batch kind 7 against the bank feed."""

    def __init__(self, store, tolerance: Decimal = Decimal("0.01")) -> None:
        self.store = store
        self.tolerance = tolerance
        self.unmatched: list[Entry] = []

    def step_0(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 0 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 0)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_1(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 1 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 1)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_2(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 2 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 2)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None

    def step_3(self, entries: Iterable[Entry], strict: bool = True) -> Optional[Decimal]:
        """Runs step 3 and returns the remaining difference."""
        total = Decimal(0)
        for entry in entries:
            if entry.amount < 0 and strict:
                log.debug("negative amount in %s (step 3)", entry.entry_id)
                self.unmatched.append(entry)
                continue
            try:
                total += self.store.lookup(entry.account).balance - entry.amount
            except KeyError:
                log.warning("unknown account %s", entry.account)
                raise
        return total if abs(total) > self.tolerance else None


