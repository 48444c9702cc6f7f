//! The times of a time-stamped message or file, as `breach show` and
//! `dpo timestamp verify` print them: the processor's clock, the SMTP
//! server's acceptance, the authority's time, and a warning when the
//! processor's clock and the authority's differ by more than
//! [`timestamp::CLOCK_GAP`]. The instants and the gap are worded by
//! [`crate::render::words`].

use chrono::{DateTime, Utc};

use super::{CliError, Settings};
use crate::render::words;
use crate::timestamp::{self, issue, tsq_path};
use crate::workspace::Workspace;

/// Under `breach show`, for each notification whose `.eml` has a
/// time-stamp or waits for one: the three times and what each means.
pub(super) fn show_times(
    settings: &Settings,
    ws: &Workspace,
    b: &crate::model::Breach,
) -> Result<(), CliError> {
    let stamped: Vec<_> = b
        .notifications
        .iter()
        .map(|n| (n, ws.root.join(&n.eml)))
        .filter(|(_, eml)| tsq_path(eml).exists())
        .collect();
    if stamped.is_empty() {
        return Ok(());
    }
    let s = settings.strings();
    let cas = issue::trusted_in(ws).unwrap_or_default();
    say!(s, "timestamp-show-heading")?;
    for (n, eml) in stamped {
        let tsa = match issue::kept(&eml, &cas) {
            Some(Ok(st)) => tr!(
                s,
                "timestamp-show-tsa",
                local = words::show_seconds_in(st.gen_time, ws.tz),
                utc = words::show_utc_seconds(st.gen_time)
            ),
            Some(Err(e)) => tr!(s, "timestamp-show-not-verified", why = e.told().say(&s)),
            None => tr!(s, "timestamp-show-waiting"),
        };
        say!(
            s,
            "timestamp-show-line",
            eml = n.eml.as_str(),
            local = words::show_seconds_in(n.sent_at.to_utc(), ws.tz),
            reply = n.server_reply.as_str(),
            tsa = tsa
        )?;
        if let Some(Ok(st)) = issue::kept(&eml, &cas) {
            warn_gap(settings, ws.tz, &n.eml, n.sent_at.to_utc(), st.gen_time);
        }
    }
    Ok(())
}

/// A warning when the processor's instant for `file` and the authority's
/// time differ by more than [`timestamp::CLOCK_GAP`]: not a failure, the
/// time-stamp still proves what it proves.
pub(super) fn warn_gap(
    settings: &Settings,
    tz: chrono_tz::Tz,
    file: &str,
    processor: DateTime<Utc>,
    tsa: DateTime<Utc>,
) {
    let Some(gap) = timestamp::clock_gap(processor, tsa) else {
        return;
    };
    let s = settings.strings();
    let gap = words::duration(&s, gap, false);
    let said = tr!(
        s,
        "timestamp-clock-gap",
        file = file,
        tsa = words::show_seconds_in(tsa, tz),
        processor = words::show_seconds_in(processor, tz),
        gap = gap,
        limit = timestamp::CLOCK_GAP.num_minutes()
    );
    warn_say!(s, "cli-warning", message = said);
}
