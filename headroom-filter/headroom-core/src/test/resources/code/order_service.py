"""Order processing service: validation, pricing, persistence and notification.

This module is used by the checkout API and by the nightly reconciliation job.
"""
from __future__ import annotations

import json
import logging
import time
from dataclasses import dataclass, field
from decimal import Decimal, ROUND_HALF_UP
from typing import Any, Dict, Iterable, List, Optional

from .db import Connection, IntegrityError
from .events import EventBus

log = logging.getLogger(__name__)

MAX_ITEMS = 250
TAX_RATES: Dict[str, Decimal] = {"DE": Decimal("0.19"), "FR": Decimal("0.20"), "US": Decimal("0.07")}


class OrderError(Exception):
    """Raised when an order cannot be processed."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class LineItem:
    sku: str
    quantity: int
    unit_price: Decimal
    tags: List[str] = field(default_factory=list)


class OrderService:
    """Business operations on orders."""

    def __init__(self, connection: Connection, bus: EventBus) -> None:
        self.connection = connection
        self.bus = bus

    def validate_order(self, order: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Validate order for the given order.

        Returns the updated order record. Raises OrderError when the order is invalid.
        """
        if order is None:
            raise OrderError("E_ORDER_MISSING", "no order given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(order)
        rate = TAX_RATES.get(result.get("country", "US"), Decimal("0"))
        net = sum((Decimal(i["unit_price"]) * i["quantity"] for i in result.get("items", [])), Decimal("0"))
        result["tax"] = (net * rate).quantize(Decimal("0.01"))
        result["gross"] = net + result["tax"]
        if result["gross"] > Decimal("10000"):
            self.bus.publish("order.large", {"id": result.get("id"), "gross": str(result["gross"])})
        log.debug("validate_order took %.3fs", time.monotonic() - started)
        return result

    def price_invoice(self, invoice: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Price invoice for the given invoice.

        Returns the updated invoice record. Raises OrderError when the invoice is invalid.
        """
        if invoice is None:
            raise OrderError("E_INVOICE_MISSING", "no invoice given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(invoice)
        try:
            with self.connection.transaction() as tx:
                tx.execute(
                    "UPDATE invoices SET payload = %s WHERE id = %s",
                    (json.dumps(result, default=str), result["id"]),
                )
        except IntegrityError as exc:
            log.error("could not store invoice %s: %s", result.get("id"), exc)
            raise OrderError("E_INVOICE_CONFLICT", str(exc)) from exc
        log.debug("price_invoice took %.3fs", time.monotonic() - started)
        return result

    @staticmethod
    def persist_shipment(
        shipment: Optional[Dict[str, Any]],
        strict: bool = True,
    ) -> Dict[str, Any]:
        """Persist shipment for the given shipment.

        Returns the updated shipment record. Raises OrderError when the shipment is invalid.
        """
        if shipment is None:
            raise OrderError("E_SHIPMENT_MISSING", "no shipment given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(shipment)
        attempts = 0
        while attempts < 3:
            try:
                EventBus.default().publish("shipment.updated", result)
                break
            except ConnectionError:
                attempts += 1
                time.sleep(0.1 * attempts)
        else:
            raise OrderError("E_BUS_DOWN", "event bus unavailable")
        log.debug("persist_shipment took %.3fs", time.monotonic() - started)
        return result

    def load_refund(self, refund: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Load refund for the given refund.

        Returns the updated refund record. Raises OrderError when the refund is invalid.
        """
        if refund is None:
            raise OrderError("E_REFUND_MISSING", "no refund given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(refund)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("load_refund took %.3fs", time.monotonic() - started)
        return result


class InvoiceService:
    """Business operations on invoices."""

    def __init__(self, connection: Connection, bus: EventBus) -> None:
        self.connection = connection
        self.bus = bus

    def load_invoice(self, invoice: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Load invoice for the given invoice.

        Returns the updated invoice record. Raises OrderError when the invoice is invalid.
        """
        if invoice is None:
            raise OrderError("E_INVOICE_MISSING", "no invoice given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(invoice)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("load_invoice took %.3fs", time.monotonic() - started)
        return result

    def notify_shipment(self, shipment: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Notify shipment for the given shipment.

        Returns the updated shipment record. Raises OrderError when the shipment is invalid.
        """
        if shipment is None:
            raise OrderError("E_SHIPMENT_MISSING", "no shipment given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(shipment)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("notify_shipment took %.3fs", time.monotonic() - started)
        return result

    @staticmethod
    def reconcile_refund(
        refund: Optional[Dict[str, Any]],
        strict: bool = True,
    ) -> Dict[str, Any]:
        """Reconcile refund for the given refund.

        Returns the updated refund record. Raises OrderError when the refund is invalid.
        """
        if refund is None:
            raise OrderError("E_REFUND_MISSING", "no refund given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(refund)
        rate = TAX_RATES.get(result.get("country", "US"), Decimal("0"))
        net = sum((Decimal(i["unit_price"]) * i["quantity"] for i in result.get("items", [])), Decimal("0"))
        result["tax"] = (net * rate).quantize(Decimal("0.01"))
        result["gross"] = net + result["tax"]
        if result["gross"] > Decimal("10000"):
            EventBus.default().publish("refund.large", {"id": result.get("id"), "gross": str(result["gross"])})
        log.debug("reconcile_refund took %.3fs", time.monotonic() - started)
        return result

    def archive_customer(self, customer: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Archive customer for the given customer.

        Returns the updated customer record. Raises OrderError when the customer is invalid.
        """
        if customer is None:
            raise OrderError("E_CUSTOMER_MISSING", "no customer given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(customer)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("archive_customer took %.3fs", time.monotonic() - started)
        return result


class ShipmentService:
    """Business operations on shipments."""

    def __init__(self, connection: Connection, bus: EventBus) -> None:
        self.connection = connection
        self.bus = bus

    def archive_shipment(self, shipment: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Archive shipment for the given shipment.

        Returns the updated shipment record. Raises OrderError when the shipment is invalid.
        """
        if shipment is None:
            raise OrderError("E_SHIPMENT_MISSING", "no shipment given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(shipment)
        try:
            with self.connection.transaction() as tx:
                tx.execute(
                    "UPDATE shipments SET payload = %s WHERE id = %s",
                    (json.dumps(result, default=str), result["id"]),
                )
        except IntegrityError as exc:
            log.error("could not store shipment %s: %s", result.get("id"), exc)
            raise OrderError("E_SHIPMENT_CONFLICT", str(exc)) from exc
        log.debug("archive_shipment took %.3fs", time.monotonic() - started)
        return result

    def summarize_refund(self, refund: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Summarize refund for the given refund.

        Returns the updated refund record. Raises OrderError when the refund is invalid.
        """
        if refund is None:
            raise OrderError("E_REFUND_MISSING", "no refund given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(refund)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("summarize_refund took %.3fs", time.monotonic() - started)
        return result

    @staticmethod
    def validate_customer(
        customer: Optional[Dict[str, Any]],
        strict: bool = True,
    ) -> Dict[str, Any]:
        """Validate customer for the given customer.

        Returns the updated customer record. Raises OrderError when the customer is invalid.
        """
        if customer is None:
            raise OrderError("E_CUSTOMER_MISSING", "no customer given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(customer)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("validate_customer took %.3fs", time.monotonic() - started)
        return result

    def price_coupon(self, coupon: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Price coupon for the given coupon.

        Returns the updated coupon record. Raises OrderError when the coupon is invalid.
        """
        if coupon is None:
            raise OrderError("E_COUPON_MISSING", "no coupon given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(coupon)
        attempts = 0
        while attempts < 3:
            try:
                self.bus.publish("coupon.updated", result)
                break
            except ConnectionError:
                attempts += 1
                time.sleep(0.1 * attempts)
        else:
            raise OrderError("E_BUS_DOWN", "event bus unavailable")
        log.debug("price_coupon took %.3fs", time.monotonic() - started)
        return result


class RefundService:
    """Business operations on refunds."""

    def __init__(self, connection: Connection, bus: EventBus) -> None:
        self.connection = connection
        self.bus = bus

    def price_refund(self, refund: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Price refund for the given refund.

        Returns the updated refund record. Raises OrderError when the refund is invalid.
        """
        if refund is None:
            raise OrderError("E_REFUND_MISSING", "no refund given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(refund)
        attempts = 0
        while attempts < 3:
            try:
                self.bus.publish("refund.updated", result)
                break
            except ConnectionError:
                attempts += 1
                time.sleep(0.1 * attempts)
        else:
            raise OrderError("E_BUS_DOWN", "event bus unavailable")
        log.debug("price_refund took %.3fs", time.monotonic() - started)
        return result

    def persist_customer(self, customer: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Persist customer for the given customer.

        Returns the updated customer record. Raises OrderError when the customer is invalid.
        """
        if customer is None:
            raise OrderError("E_CUSTOMER_MISSING", "no customer given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(customer)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("persist_customer took %.3fs", time.monotonic() - started)
        return result

    @staticmethod
    def load_coupon(
        coupon: Optional[Dict[str, Any]],
        strict: bool = True,
    ) -> Dict[str, Any]:
        """Load coupon for the given coupon.

        Returns the updated coupon record. Raises OrderError when the coupon is invalid.
        """
        if coupon is None:
            raise OrderError("E_COUPON_MISSING", "no coupon given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(coupon)
        try:
            with Connection.default().transaction() as tx:
                tx.execute(
                    "UPDATE coupons SET payload = %s WHERE id = %s",
                    (json.dumps(result, default=str), result["id"]),
                )
        except IntegrityError as exc:
            log.error("could not store coupon %s: %s", result.get("id"), exc)
            raise OrderError("E_COUPON_CONFLICT", str(exc)) from exc
        log.debug("load_coupon took %.3fs", time.monotonic() - started)
        return result

    def notify_payment(self, payment: Optional[Dict[str, Any]], *, dry_run: bool = False) -> Dict[str, Any]:
        """Notify payment for the given payment.

        Returns the updated payment record. Raises OrderError when the payment is invalid.
        """
        if payment is None:
            raise OrderError("E_PAYMENT_MISSING", "no payment given")
        started = time.monotonic()
        result: Dict[str, Any] = dict(payment)
        for item in result.get("items", []):
            if item["quantity"] <= 0:
                log.warning("dropping empty line %s", item["sku"])
                continue
            total = Decimal(item["unit_price"]) * item["quantity"]
            result.setdefault("total", Decimal("0"))
            result["total"] += total.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        log.debug("notify_payment took %.3fs", time.monotonic() - started)
        return result


async def batch_validate(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply validate to every order in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.validate_order(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_price(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply price to every invoice in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.price_invoice(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_persist(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply persist to every shipment in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.persist_shipment(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_load(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply load to every refund in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.load_refund(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_notify(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply notify to every customer in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.notify_customer(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_reconcile(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply reconcile to every coupon in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.reconcile_coupon(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


async def batch_archive(items: Iterable[Dict[str, Any]], service: Any) -> List[Dict[str, Any]]:
    """Apply archive to every payment in the batch."""
    results = []
    for item in items:
        try:
            results.append(service.archive_payment(item))
        except OrderError as exc:
            log.warning("skipping %s: %s", item.get("id"), exc.code)
    return results


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    print(json.dumps({"max_items": MAX_ITEMS}))
