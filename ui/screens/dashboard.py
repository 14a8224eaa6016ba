"""工作台: the branch head's desk on the home page. Cards with the numbers of `branchcheck.dashboard`
and two QtCharts of the last twelve months; every number (a card, a bar) says what it opens through
`open_requested`, and the home screen opens that list. Thin: it shows a `Desk`, nothing more."""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QEvent, QMargins, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from branchcheck.dashboard import Desk, Figure, IndexQuery, MonthTrend
from ui import i18n
from ui.screens.review import SEVERITY_COLOURS
from ui.style import ACCENT, GREEN, GREY, ORANGE, RED

# the trends' series: (field of MonthTrend, colour)
ACTIVITY = (("checks", ACCENT), ("findings", ORANGE))
RECTIFIED = (("rectified_on_time", GREEN), ("rectified_late", RED), ("missed", GREY))
WIDE = 1150  # narrower: the index below the schedule, the severities below their figures

T = {
    "week": {"zh": "本周 {first} 至 {last}", "en": "This week, {first} to {last}"},
    "to_cover": {"zh": "本周待覆盖柜员：{names}", "en": "Tellers still to cover: {names}"},
    "all_covered": {"zh": "本周柜员均已覆盖或无需覆盖", "en": "No teller left to cover"},
    "schedule": {"zh": "应做与漏做", "en": "Due and missed"},
    "findings": {"zh": "检查问题", "en": "Findings"},
    "index": {"zh": "合规性指数", "en": "Compliance index"},
    "no_index": {"zh": "尚无评分", "en": "Not scored yet"},
    "open_sev": {"zh": "未关闭 · 按严重程度", "en": "Open, by severity"},
    "overdue_sev": {"zh": "逾期 · 按严重程度", "en": "Overdue, by severity"},
    "activity": {"zh": "近12个月：检查与问题", "en": "Last 12 months: checks and findings"},
    "rectified": {
        "zh": "近12个月：整改是否按期、漏做",
        "en": "Last 12 months: rectified on time or late, missed",
    },
    "loading": {"zh": "正在读取工作台…", "en": "Reading the desk…"},
    "part": {
        "zh": "{name}：{display}（{score}分，权重 {weight:.0%}）",
        "en": "{name}: {display} (score {score}, weight {weight:.0%})",
    },
}


MONTH_NAMES = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()


def t(key: str) -> str:
    return i18n.text(T[key])


def card_title(key: str) -> str:
    return f"<b style='color:{ACCENT}'>{t(key)}</b>"


def month_label(month: str) -> str:
    """A chart's month "YYYY-MM" in few letters: 5月 / May (the chart's title names the years)."""
    number = int(month.split("-")[1])
    return f"{number}月" if i18n.lang() == "zh" else MONTH_NAMES[number - 1]


class FigureButton(QPushButton):
    """One number of the desk and its name, painted on the button (no child labels, no rich text:
    the desk lays out and paints fast); clicking it asks for the list behind it."""

    def __init__(self, parent: QWidget, *, big: bool = True) -> None:
        super().__init__(parent)
        self.figure: Figure | None = None
        self.value_text = ""
        self.name_text = ""
        self.colour = GREY
        self.points = 20 if big else 14
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumWidth(100 if big else 80)

    def show_figure(self, figure: Figure, *, colour: str = ACCENT) -> None:
        self.figure = figure
        self.show_text(str(figure.value), i18n.text(figure.name), colour if figure.value else GREY)

    def show_text(self, value: str, name: str, colour: str) -> None:
        self.value_text, self.name_text, self.colour = value, name, colour
        self.setAccessibleName(f"{name} {value}")
        self.updateGeometry()
        self.update()

    def _value_font(self) -> QFont:
        font = QFont(self.font())
        font.setPointSize(self.points)
        font.setBold(True)
        return font

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override: room for the two lines
        self.ensurePolished()  # the style sheet's font, as painted
        value, name = QFontMetrics(self._value_font()), self.fontMetrics()
        width = max(
            value.horizontalAdvance(self.value_text), name.horizontalAdvance(self.name_text)
        )
        return QSize(width + 16, value.height() + name.height() + 14).expandedTo(self.minimumSize())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.FontChange:  # a language's font: another width
            self.updateGeometry()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)  # the button's frame, hover and focus
        painter = QPainter(self)
        value_font = self._value_font()
        top = QFontMetrics(value_font).height()
        area = self.rect().adjusted(4, 4, -4, -4)
        middle = area.top() + (area.height() - top - self.fontMetrics().height()) // 2
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.setFont(value_font)
        painter.setPen(QColor(self.colour))
        painter.drawText(area.adjusted(0, middle - area.top(), 0, 0), centre, self.value_text)
        painter.setFont(self.font())
        painter.setPen(QColor(GREY))
        painter.drawText(area.adjusted(0, middle - area.top() + top, 0, 0), centre, self.name_text)
        painter.end()


def _card(parent: QWidget) -> tuple[QFrame, QVBoxLayout, QLabel]:
    frame = QFrame(parent)
    frame.setObjectName("card")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(14, 10, 14, 12)
    layout.setSpacing(8)
    heading = QLabel(frame)  # its text: card_title()
    layout.addWidget(heading)
    return frame, layout, heading


class TrendChart(QChartView):
    """Bars per month for some fields of MonthTrend; stacked or side by side. A click on a bar asks
    for that month's list."""

    open_requested = Signal(object)  # the month's dashboard query

    def __init__(
        self,
        parent: QWidget,
        fields: tuple[tuple[str, str], ...],
        *,
        stacked: bool,
    ) -> None:
        super().__init__(parent)
        self.fields = fields
        self.stacked = stacked
        self.months: tuple[MonthTrend, ...] = ()
        self.series: QBarSeries | QStackedBarSeries | None = None
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(240)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(6)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.setChart(chart)

    def show_months(self, months: tuple[MonthTrend, ...], title: str) -> None:
        self.months = months
        chart = self.chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        span = f"{months[0].month} – {months[-1].month}" if months else ""
        chart.setTitle(f"{title}（{span}）" if i18n.lang() == "zh" else f"{title} ({span})")
        series: QBarSeries | QStackedBarSeries = (
            QStackedBarSeries() if self.stacked else QBarSeries()
        )
        top = 1
        for field, colour in self.fields:
            figures = [getattr(m, field) for m in months]
            bar = QBarSet(i18n.text(figures[0].name) if figures else field)
            bar.setColor(QColor(colour))
            bar.append([float(f.value) for f in figures])
            bar.clicked.connect(lambda index, field=field: self._clicked(field, index))
            series.append(bar)
            top = max(top, *(f.value for f in figures)) if figures else top
        if self.stacked:
            top = max([1] + [sum(getattr(m, f).value for f, _ in self.fields) for m in months])
        chart.addSeries(series)
        x = QBarCategoryAxis()
        x.append([month_label(m.month) for m in months])
        small = QFont(self.font())
        small.setPointSize(8)
        x.setLabelsFont(small)
        y = QValueAxis()
        step = -(-top // 4)  # whole-number ticks: 0 and four steps up to the highest bar or above
        y.setRange(0, step * 4)
        y.setLabelFormat("%d")
        y.setTickCount(5)
        chart.addAxis(x, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(y, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(x)
        series.attachAxis(y)
        self.series = series

    def values(self) -> dict[str, list[float]]:
        """The series as drawn: bar set label → one value per month (for tests and reading)."""
        if self.series is None:
            return {}
        return {s.label(): [s.at(i) for i in range(s.count())] for s in self.series.barSets()}

    def _clicked(self, field: str, index: int) -> None:
        if 0 <= index < len(self.months):
            self.open_requested.emit(getattr(self.months[index], field).opens)


class DashboardView(QWidget):
    """The desk's page: a line saying it is being read, then the board. The board is built when
    the desk is first read (`prepare`, while the worker reads), not while the window builds its
    screens during sign-in, and shown with the first desk."""

    open_requested = Signal(object)  # a dashboard query: FindingsQuery, RecordsQuery, …

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.board: Board | None = None
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(0, 4, 0, 4)
        self.status = QLabel(self)
        self.status.setObjectName("subtle")
        self.body.addWidget(self.status)
        self.set_loading(False)

    def set_loading(self, loading: bool) -> None:
        self.status.setText(t("loading") if loading else "")
        self.status.setVisible(loading)

    def retranslate(self) -> None:
        if self.status.isVisible():
            self.status.setText(t("loading"))
        if self.board is not None:
            self.board.retranslate()

    def prepare(self) -> Board:
        """The board, built and styled now (still hidden) so that showing a desk only fills it."""
        if self.board is None:
            self.board = Board(self)
            self.board.hide()
            self.board.open_requested.connect(self.open_requested.emit)
            self.body.addWidget(self.board, 1)
            self.board.ensurePolished()
        return self.board

    def show_desk(self, desk: Desk) -> Board:
        self.set_loading(False)
        board = self.prepare()
        board.show_desk(desk)
        board.show()
        return board


class Board(QWidget):
    """The cards and the charts of one desk."""

    open_requested = Signal(object)  # a dashboard query

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk: Desk | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)

        # the schedule and the index: side by side, or one above the other on a small screen
        self.top_row = top = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        top.setSpacing(12)
        schedule, s_layout, self.schedule_title = _card(self)
        grid = QGridLayout()
        self.due_today = FigureButton(schedule)
        self.due_week = FigureButton(schedule)
        self.overdue = FigureButton(schedule)
        self.missed = FigureButton(schedule)
        self.rotation = FigureButton(schedule)
        for n, button in enumerate(
            (self.due_today, self.due_week, self.overdue, self.missed, self.rotation)
        ):
            grid.addWidget(button, 0, n)
        s_layout.addLayout(grid)
        self.to_cover = QLabel(schedule)
        self.to_cover.setWordWrap(True)
        s_layout.addWidget(self.to_cover)
        self.week = QLabel(schedule)
        self.week.setObjectName("subtle")
        s_layout.addWidget(self.week)
        s_layout.addStretch(1)
        top.addWidget(schedule, 3)

        index, i_layout, self.index_title = _card(self)
        self.index_button = FigureButton(index)
        i_layout.addWidget(self.index_button)
        self.index_parts = QLabel(index)
        self.index_parts.setWordWrap(True)
        self.index_parts.setObjectName("subtle")
        i_layout.addWidget(self.index_parts)
        i_layout.addStretch(1)
        top.addWidget(index, 2)
        layout.addLayout(top)

        found, f_layout, self.findings_title = _card(self)
        # the three figures, then the severities: side by side, or below on a small screen
        self.findings_row = row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        figures, severities = QHBoxLayout(), QHBoxLayout()
        row.addLayout(figures)
        row.addLayout(severities)
        self.open_findings = FigureButton(found)
        self.overdue_findings = FigureButton(found)
        self.repeat_findings = FigureButton(found)
        for button in (self.open_findings, self.overdue_findings, self.repeat_findings):
            figures.addWidget(button)
        self.open_sev_title, self.open_sev = QLabel(found), QHBoxLayout()
        self.overdue_sev_title, self.overdue_sev = QLabel(found), QHBoxLayout()
        for title, boxes in (
            (self.open_sev_title, self.open_sev),
            (self.overdue_sev_title, self.overdue_sev),
        ):
            column = QVBoxLayout()
            title.setObjectName("subtle")
            column.addWidget(title)
            column.addLayout(boxes)
            severities.addSpacing(12)
            severities.addLayout(column)
        f_layout.addLayout(row)
        layout.addWidget(found)
        self.severity_buttons: dict[str, FigureButton] = {}  # by figure key

        charts = QHBoxLayout()
        self.activity_chart = TrendChart(self, ACTIVITY, stacked=False)
        self.rectified_chart = TrendChart(self, RECTIFIED, stacked=True)
        for chart in (self.activity_chart, self.rectified_chart):
            chart.open_requested.connect(self.open_requested.emit)
        charts.addWidget(self.activity_chart)
        charts.addWidget(self.rectified_chart)
        layout.addLayout(charts, 1)

        for button in self.figure_buttons():
            button.clicked.connect(lambda _=False, b=button: self._open(b))
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        narrow = event.size().width() < WIDE
        direction = QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        self.top_row.setDirection(direction)
        self.findings_row.setDirection(direction)

    def figure_buttons(self) -> list[FigureButton]:
        return [
            self.due_today,
            self.due_week,
            self.overdue,
            self.missed,
            self.rotation,
            self.index_button,
            self.open_findings,
            self.overdue_findings,
            self.repeat_findings,
            *self.severity_buttons.values(),
        ]

    def _open(self, button: FigureButton) -> None:
        if button.figure is not None:
            self.open_requested.emit(button.figure.opens)

    def retranslate(self) -> None:
        self.schedule_title.setText(card_title("schedule"))
        self.index_title.setText(card_title("index"))
        self.findings_title.setText(card_title("findings"))
        self.open_sev_title.setText(t("open_sev"))
        self.overdue_sev_title.setText(t("overdue_sev"))
        if self.desk is not None:
            self.show_desk(self.desk)

    def show_desk(self, desk: Desk) -> None:
        self.desk = desk
        self.due_today.show_figure(desk.due_today)
        self.due_week.show_figure(desk.due_this_week)
        self.overdue.show_figure(desk.overdue_obligations, colour=RED)
        self.missed.show_figure(desk.missed_obligations, colour=RED)
        self.rotation.show_figure(desk.rotation, colour=RED if desk.rotation.value else ACCENT)
        self.week.setText(t("week").format(first=desk.week_first, last=desk.week_last))
        names = "、" if i18n.lang() == "zh" else ", "
        self.to_cover.setText(
            t("to_cover").format(
                names=names.join(f"{p.name} ({p.employee_no})" for p in desk.to_cover)
            )
            if desk.to_cover
            else t("all_covered")
        )
        self.open_findings.show_figure(desk.open_findings)
        self.overdue_findings.show_figure(desk.overdue_findings, colour=RED)
        self.repeat_findings.show_figure(desk.repeat_findings, colour=RED)
        self._show_severities(desk)
        self._show_index(desk)
        self.activity_chart.show_months(desk.months, t("activity"))
        self.rectified_chart.show_months(desk.months, t("rectified"))

    def _show_severities(self, desk: Desk) -> None:
        """One small button per severity and column, made the first time it is shown."""
        for boxes, figures in (
            (self.open_sev, desk.open_by_severity),
            (self.overdue_sev, desk.overdue_by_severity),
        ):
            for figure in figures:
                button = self.severity_buttons.get(figure.key)
                if button is None:
                    button = FigureButton(self, big=False)
                    button.clicked.connect(lambda _=False, b=button: self._open(b))
                    boxes.addWidget(button)
                    self.severity_buttons[figure.key] = button
                severity = figure.key.split(":")[1]
                button.show_figure(figure, colour=SEVERITY_COLOURS.get(severity, ACCENT))

    def _show_index(self, desk: Desk) -> None:
        if desk.score is None:
            self.index_button.figure = None
            self.index_button.show_text("—", t("no_index"), GREY)
            self.index_button.setEnabled(False)
            self.index_parts.setText("")
            return
        self.index_button.setEnabled(True)
        score = desk.score.current
        self.index_button.figure = Figure("index", T["index"], 0, IndexQuery())
        self.index_button.show_text(
            f"{score.index:.2f}", f"{t('index')}  {score.first} – {score.last}", ACCENT
        )
        self.index_parts.setText(
            "<br>".join(
                t("part").format(
                    name=i18n.text(p.name), display=p.display, score=p.score, weight=p.weight
                )
                for p in score.indicators
            )
        )
