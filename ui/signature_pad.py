"""A handwriting pad: mouse, pen (tablet) and touch strokes, drawn smoothly, kept as polylines of
integer points in the core's 600×240 signature box whatever the pad's size on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

BOX_W, BOX_H = 600, 240

Strokes = list[list[list[int]]]


class SignaturePad(QWidget):
    changed = Signal()  # strokes added or cleared

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._strokes: Strokes = []
        self._drawing = False
        self._read_only = False
        self._hint = ""
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setMinimumSize(300, 120)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    # ------------------------------------------------------------------ API

    def strokes(self) -> Strokes:
        return [[list(p) for p in s] for s in self._strokes]

    def set_strokes(self, strokes: Strokes) -> None:
        self._strokes = [[list(p) for p in s] for s in strokes]
        self.update()
        self.changed.emit()

    def is_empty(self) -> bool:
        return sum(len(s) for s in self._strokes) < 2

    def clear(self) -> None:
        self._strokes = []
        self._drawing = False
        self.update()
        self.changed.emit()

    def set_hint(self, hint: str) -> None:
        """A line shown in the empty pad (why it takes no strokes yet, say)."""
        self._hint = hint
        self.update()

    def hint(self) -> str:
        return self._hint

    def set_read_only(self, read_only: bool) -> None:
        self._read_only = read_only
        self.setCursor(Qt.CursorShape.ArrowCursor if read_only else Qt.CursorShape.CrossCursor)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(BOX_W, BOX_H)

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return round(width * BOX_H / BOX_W)

    # ------------------------------------------------------------------ geometry

    def _to_box(self, pos: QPointF) -> list[int]:
        w, h = max(1, self.width()), max(1, self.height())
        x = min(BOX_W, max(0, round(pos.x() * BOX_W / w)))
        y = min(BOX_H, max(0, round(pos.y() * BOX_H / h)))
        return [x, y]

    def _to_widget(self, p: list[int]) -> QPointF:
        return QPointF(p[0] * self.width() / BOX_W, p[1] * self.height() / BOX_H)

    # ------------------------------------------------------------------ strokes

    def _begin(self, pos: QPointF) -> None:
        if self._read_only:
            return
        self._drawing = True
        self._strokes.append([self._to_box(pos)])
        self.update()

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing:
            return
        point = self._to_box(pos)
        if point != self._strokes[-1][-1]:
            self._strokes[-1].append(point)
            self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if not self._drawing:
            return
        if pos is not None:
            self._extend(pos)
        self._drawing = False
        self.changed.emit()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        self._extend(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events: the pen draws once

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if isinstance(event, QTouchEvent) and kind in (
            QEvent.Type.TouchBegin,
            QEvent.Type.TouchUpdate,
            QEvent.Type.TouchEnd,
        ):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        if kind == QEvent.Type.TouchCancel:
            self._end()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        painter.fillRect(rect, QColor("#fafafa") if self._read_only else QColor("white"))
        painter.setPen(QPen(QColor("#c4c9d1"), 1, Qt.PenStyle.DashLine))
        painter.drawRect(rect)
        baseline = self.height() * 0.78
        painter.drawLine(QPointF(24, baseline), QPointF(self.width() - 24, baseline))
        if self._hint and not self._strokes:
            painter.setPen(QColor("#8a929c"))
            painter.drawText(
                rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, self._hint
            )
        scale = self.width() / BOX_W
        pen = QPen(QColor("#18202a"), max(2.0, 3.2 * scale))
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        for stroke in self._strokes:
            pts = [self._to_widget(p) for p in stroke]
            if len(pts) == 1:
                painter.drawPoint(pts[0])
                continue
            path = QPainterPath(pts[0])
            # quadratic curves through the midpoints: smooth ink without moving the points
            for a, b in zip(pts[1:-1], pts[2:], strict=False):
                path.quadTo(a, (a + b) / 2)
            path.lineTo(pts[-1])
            painter.drawPath(path)
        painter.end()
