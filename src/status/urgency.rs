//! How urgent each item of `dpo status` is: the one rule that flags a duty
//! "due soon" (within [`DUE_SOON`] of its deadline, whatever its source), the
//! order the items are listed in — most urgent first — and the counts of the
//! summary line that opens the listing.
//!
//! The order is by due instant: the overdue first (the most overdue first),
//! then what must be resumed now and has no date (an uncertain sending, a
//! record changed outside dpo), then every other deadline, soonest first — a
//! reminder whose date has passed among them, at its date (the controller's
//! 72 h towards the supervisory authority, gone by: the DPO reads it before
//! what is still ahead) — then the to-dos without a deadline, and last what
//! is done. Among equals, by kind then subject, so the order never depends
//! on the order the sources were read in.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use serde::Serialize;

use super::{State, StatusItem};

/// A duty not yet done is "due soon" this long before its deadline.
pub const DUE_SOON: TimeDelta = TimeDelta::days(7);

/// [`DUE_SOON`] in days, as the summary says it.
pub const DUE_SOON_DAYS: i64 = DUE_SOON.num_days();

/// The places in the listing, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Rank {
    /// Not done, and its deadline has passed.
    Overdue,
    /// To resume now, with no date: it makes `dpo status` exit 1.
    Resume,
    /// Not done, its deadline still ahead; or a reminder, at its date.
    Dated,
    /// To do, with no deadline of its own.
    Undated,
    /// Done.
    Settled,
}

/// The place of `item` as of `now`.
fn rank(item: &StatusItem, now: DateTime<Utc>) -> Rank {
    let passed = item.due.is_some_and(|d| d.to_utc() < now);
    match item.state {
        State::Done | State::DoneLate => Rank::Settled,
        State::Info => Rank::Dated,
        State::Overdue => Rank::Overdue,
        // A duty "told at once" that is still unsent (an objection) is late.
        State::Incomplete if passed => Rank::Overdue,
        State::Incomplete if item.due.is_none() => Rank::Resume,
        _ if item.due.is_none() => Rank::Undated,
        _ => Rank::Dated,
    }
}

/// True when `due` falls within [`DUE_SOON`] of `now` (and has not passed).
fn soon(due: DateTime<FixedOffset>, now: DateTime<Utc>) -> bool {
    let left = due.to_utc() - now;
    left >= TimeDelta::zero() && left <= DUE_SOON
}

/// Flags as [`State::DueSoon`] every pending duty due within [`DUE_SOON`]:
/// the sources say what is pending or overdue, this says what is soon. A
/// started duty ([`State::Incomplete`]) whose deadline has passed becomes
/// [`State::Overdue`]: the state shown is the one [`Summary`] counts it under
/// (one rule for the tag and the count).
pub(super) fn flag_due_soon(items: &mut [StatusItem], now: DateTime<Utc>) {
    for i in items {
        if i.state == State::Pending && i.due.is_some_and(|d| soon(d, now)) {
            i.state = State::DueSoon;
        }
        if i.state == State::Incomplete && rank(i, now) == Rank::Overdue {
            i.state = State::Overdue;
        }
    }
}

/// Sorts `items` most urgent first, as of `now` (see the module's notes).
pub(super) fn sort(items: &mut [StatusItem], now: DateTime<Utc>) {
    items.sort_by(|a, b| {
        (rank(a, now), a.due, &a.kind, &a.subject).cmp(&(rank(b, now), b.due, &b.kind, &b.subject))
    });
}

/// The counts of the line that opens `dpo status`: "1 en retard, 2 dans les
/// 7 jours, 30 à faire sans échéance".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Duties not done whose deadline has passed.
    pub overdue: usize,
    /// Duties started and not complete whose deadline, if any, has not
    /// passed: every item shown [`State::Incomplete`] (an uncertain sending,
    /// a record changed outside dpo, a breach notified by e-mail whose call
    /// is not logged).
    pub incomplete: usize,
    /// Duties not done due within the next [`DUE_SOON_DAYS`] days.
    pub due_soon: usize,
    /// Duties to do that have no deadline of their own.
    pub undated: usize,
    /// The window of `due_soon`, in days.
    pub due_soon_days: i64,
}

impl Summary {
    /// The summary of `items` as of `now`.
    pub fn of(items: &[StatusItem], now: DateTime<Utc>) -> Self {
        let mut s = Self {
            due_soon_days: DUE_SOON_DAYS,
            ..Self::default()
        };
        for i in items {
            match rank(i, now) {
                Rank::Overdue => s.overdue += 1,
                Rank::Resume => s.incomplete += 1,
                Rank::Dated if i.state == State::Incomplete => s.incomplete += 1,
                Rank::Undated => s.undated += 1,
                Rank::Dated if i.state != State::Info && i.due.is_some_and(|d| soon(d, now)) => {
                    s.due_soon += 1
                }
                Rank::Dated | Rank::Settled => {}
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::testing::paris as t;

    fn item(kind: &str, subject: &str, state: State, due: Option<&str>) -> StatusItem {
        StatusItem {
            kind: kind.into(),
            subject: subject.into(),
            title: subject.into(),
            due: due.map(t),
            state,
            missing: Vec::new(),
            file: String::new(),
            period: None,
        }
    }

    fn now() -> DateTime<Utc> {
        t("2021-03-28 10:00").to_utc()
    }

    fn order(mut items: Vec<StatusItem>) -> Vec<String> {
        flag_due_soon(&mut items, now());
        sort(&mut items, now());
        items.into_iter().map(|i| i.subject).collect()
    }

    /// One item of each place, in no order, as of [`now`].
    fn mixed() -> Vec<StatusItem> {
        [
            ("people.training", "b-undated", State::Pending, None),
            ("people.commitment", "a-undated", State::Pending, None),
            (
                "measure.test",
                "far",
                State::Pending,
                Some("2021-09-01 23:59"),
            ),
            (
                "measure.test",
                "in-8-days",
                State::Pending,
                Some("2021-04-05 23:59"),
            ),
            (
                "measure.test",
                "in-6-days",
                State::Pending,
                Some("2021-04-03 23:59"),
            ),
            (
                "breach.notification",
                "in-25-h",
                State::Pending,
                Some("2021-03-29 11:00"),
            ),
            (
                "fate.certificate",
                "done",
                State::Done,
                Some("2021-01-01 23:59"),
            ),
            (
                "request.forward",
                "late-1-h",
                State::Overdue,
                Some("2021-03-28 09:00"),
            ),
            (
                "people.training",
                "late-1-year",
                State::Overdue,
                Some("2020-03-28 23:59"),
            ),
            ("mail.uncertain", "uncertain", State::Incomplete, None),
            (
                "breach.authority",
                "reminder",
                State::Info,
                Some("2021-03-30 11:00"),
            ),
            (
                "breach.authority",
                "reminder-past",
                State::Info,
                Some("2021-03-27 11:00"),
            ),
            (
                "instruction.objection",
                "objection",
                State::Incomplete,
                Some("2021-03-20 10:00"),
            ),
        ]
        .into_iter()
        .map(|(kind, subject, state, due)| item(kind, subject, state, due))
        .collect()
    }

    #[test]
    fn the_most_overdue_come_first_then_the_soonest_and_the_undated_last() {
        assert_eq!(
            order(mixed()),
            [
                "late-1-year",
                "objection",
                "late-1-h",
                "uncertain",
                // A reminder whose date has passed, at its date.
                "reminder-past",
                "in-25-h",
                "reminder",
                "in-6-days",
                "in-8-days",
                "far",
                // Undated: by kind, then subject.
                "a-undated",
                "b-undated",
                "done",
            ]
        );
    }

    #[test]
    fn equals_are_ordered_by_kind_then_subject_whatever_the_input_order() {
        let at = Some("2021-03-29 11:00");
        let a = vec![
            item("breach.notification", "2021-001/b", State::Pending, at),
            item("breach.authority", "2021-001/z", State::Info, at),
            item("breach.notification", "2021-001/a", State::Pending, at),
        ];
        let mut b = a.clone();
        b.reverse();
        let expected = ["2021-001/z", "2021-001/a", "2021-001/b"];
        assert_eq!(order(a), expected);
        assert_eq!(order(b), expected);
    }

    #[test]
    fn due_soon_is_within_seven_days_of_the_deadline_and_not_after_it() {
        let state = |due: &str| {
            let mut items = vec![item("measure.test", "m", State::Pending, Some(due))];
            flag_due_soon(&mut items, now());
            items[0].state
        };
        // 7 days of elapsed time from 2021-03-28 10:00 (UTC+02:00).
        assert_eq!(state("2021-04-04 10:00"), State::DueSoon);
        assert_eq!(state("2021-04-04 10:01"), State::Pending);
        assert_eq!(state("2021-03-29 11:00"), State::DueSoon);
        assert_eq!(state("2021-03-28 10:00"), State::DueSoon);
        // A source's overdue and done are never touched.
        let mut items = vec![item("m", "m", State::Overdue, Some("2021-03-28 09:00"))];
        flag_due_soon(&mut items, now());
        assert_eq!(items[0].state, State::Overdue);
    }

    #[test]
    fn every_item_shown_incomplete_is_counted_incomplete_and_no_other() {
        let mut items = mixed();
        items.push(item(
            "breach.notification",
            "emailed-not-called",
            State::Incomplete,
            Some("2021-03-29 11:00"),
        ));
        let summary = Summary::of(&items, now());
        flag_due_soon(&mut items, now());
        let shown = |st: State| items.iter().filter(|i| i.state == st).count();
        assert_eq!(summary.incomplete, shown(State::Incomplete));
        assert_eq!(summary.incomplete, 2);
        assert_eq!(summary.overdue, shown(State::Overdue));
        assert_eq!(summary.due_soon, shown(State::DueSoon));
    }

    #[test]
    fn the_summary_counts_overdue_soon_and_undated_duties_only() {
        // Not the reminders, the done, or what is due in more than 7 days.
        assert_eq!(
            Summary::of(&mixed(), now()),
            Summary {
                overdue: 3,
                incomplete: 1,
                due_soon: 2,
                undated: 2,
                due_soon_days: 7,
            }
        );
    }
}
