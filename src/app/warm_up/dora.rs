//! The DORA page's practice: `deploys.bin` decoded and every DORA figure computed over a
//! made-up log, while the real one downloads (the module's documentation says why).

use chrono::{DateTime, Days, NaiveDate};

use analytics::{Filter, Prepared, Report, Window};
use model::bundle::{Site, read_deploy_columns, write_deploy_columns};
use model::{Change, DeployLog, DeployStatus, Deployment, RowSource};

use super::in_slices;

/// Enough rows for three slices to use up V8's budget for the scan's loop, few enough that
/// a slice takes a few milliseconds even unoptimised.
const ROWS: usize = 1 << 12;
/// The made-up history's days: a current window and a previous one, both with rows.
const DAYS: u64 = 180;

/// Decodes a made-up `deploys.bin` and computes every DORA figure over it, once per slice,
/// yielding to the event loop between slices. Meant to be dropped when the real data is in.
pub async fn practice() {
    let as_of = NaiveDate::from_ymd_opt(2026, 1, 1).expect("a valid date");
    let mut site = Site { deploys: made_up_log(as_of), ..Site::default() };
    let Ok(bytes) = write_deploy_columns(&site.deploys) else { return };
    let prepared = Prepared::new(&site);
    let filter = Filter { window: Window::ending(as_of, DAYS / 2), ..Filter::default_for(as_of) };
    in_slices(|| {
        if read_deploy_columns(&mut site.deploys, &bytes).is_ok() {
            std::hint::black_box(Report::prepared(&site, &prepared, as_of, &filter));
        }
    })
    .await;
}

/// `ROWS` production deployments of three services over the `DAYS` before `as_of`, with
/// up to five changes each, lead times from minutes to over a month, some failures, hotfixes
/// and deployments an incident names: every path of the scan gets taken. Built by
/// [`DeployLog::build`], the compiler's own rules, from rows as an export would hold them.
fn made_up_log(as_of: NaiveDate) -> DeployLog {
    let start = (as_of - Days::new(DAYS)).and_hms_opt(0, 0, 0).expect("midnight").and_utc().timestamp();
    let step = (DAYS * 86_400 / ROWS as u64) as i64;
    let at = |seconds: i64| DateTime::from_timestamp(seconds, 0).expect("a time in range");
    let statuses = [DeployStatus::Success, DeployStatus::Failed, DeployStatus::RolledBack];
    let (mut deployments, mut changes, mut caused) = (Vec::with_capacity(ROWS), Vec::new(), Vec::new());
    let mut random = 0x2545_f491_u32;
    for row in 0..ROWS {
        random ^= random << 13;
        random ^= random >> 17;
        random ^= random << 5;
        let finished = start + row as i64 * step + i64::from(random % 60);
        let deploy_id = row.to_string();
        for change in 0..random % 6 {
            let lead_minutes = i64::from((random >> 8) % 50_000 + change * 7);
            changes.push(Change {
                change_id: format!("{row}.{change}"),
                service: String::new(),
                committed_at: at(finished - lead_minutes * 60),
                deploy_id: deploy_id.clone(),
                extra: Default::default(),
                source: RowSource::default(),
            });
        }
        if random.is_multiple_of(89) {
            caused.push((deploy_id.clone(), "made-up"));
        }
        deployments.push(Deployment {
            deploy_id,
            service: ["a", "b", "c"][(random % 3) as usize].to_owned(),
            environment: "production".to_owned(),
            finished_at: at(finished),
            status: statuses[(random / 3 % 3) as usize],
            started_at: None,
            commit_sha: None,
            fixes_incident: random.is_multiple_of(97).then(|| "made-up".to_owned()),
            extra: Default::default(),
            source: RowSource::default(),
        });
    }
    let (mut log, _) = DeployLog::build(&deployments, &changes);
    log.link_incidents(caused.iter().map(|(id, incident)| (*incident, std::slice::from_ref(id))));
    log
}
