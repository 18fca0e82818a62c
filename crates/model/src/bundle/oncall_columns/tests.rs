use super::*;
use chrono::TimeZone;

fn at(seconds: i64) -> DateTime<Utc> {
    Utc.timestamp_opt(1_790_000_000 + seconds, 0).unwrap()
}

/// A page every `step` seconds, its fields cycling through every value they take.
fn pages(rows: i64, step: i64) -> Vec<Page> {
    (0..rows)
        .map(|i| Page {
            page_id: format!("P{i:06}"),
            alert: ["SearchClusterYellow", "CheckoutErrorBudgetBurn", "LedgerLag"][(i % 3) as usize].to_owned(),
            service: ["search", "checkout"][(i % 2) as usize].to_owned(),
            responder: ["@priya", "@mei", "@hannah", "@ana"][(i % 4) as usize].to_owned(),
            urgency: if i % 5 == 0 { Urgency::Low } else { Urgency::High },
            triggered_at: at(i * step),
            acknowledged_at: (i % 7 != 0).then(|| at(i * step + 120 + i % 300)),
            resolved_at: (i % 11 != 0).then(|| at(i * step + 1800)),
            escalated: i % 6 == 0,
            incident_id: (i % 9 == 0).then(|| format!("INC-{}", i / 9)),
            actionable: [None, Some(true), Some(false)][(i % 3) as usize],
            auto_resolved: i % 13 == 0,
            extra: Default::default(),
            source: Default::default(),
        })
        .collect()
}

fn shifts(rows: i64) -> Vec<Shift> {
    (0..rows)
        .map(|i| Shift {
            rotation: ["payments", "identity"][(i % 2) as usize].to_owned(),
            responder: ["@priya", "@mei", "@bo"][(i % 3) as usize].to_owned(),
            level: if i % 4 == 3 { ShiftLevel::Secondary } else { ShiftLevel::Primary },
            start: at(i * 43_200),
            end: at(i * 43_200 + 604_800),
            source: Default::default(),
        })
        .collect()
}

fn round_trip(pages: &[Page], shifts: &[Shift]) {
    let (read_pages, read_shifts) = read(&write(pages, shifts)).unwrap();
    assert_eq!(read_pages, pages);
    assert_eq!(read_shifts, shifts);
}

#[test]
fn a_quarter_of_pages_takes_a_few_bytes_a_row_beside_its_ids() {
    let (pages, shifts) = (pages(20_000, 400), shifts(200));
    let bytes = write(&pages, &shifts);
    let ids: usize = pages.iter().map(|p| p.page_id.len()).sum();
    let dictionary: usize = Names::of(&pages, &shifts).all.iter().map(|n| n.len() + 2).sum();
    // Beside the text, per page: its id's length, 3 names and the flags in a byte each, the
    // incident (2,223 names) and the 3 times in two bytes each.
    let beside = bytes.len() - ids - dictionary;
    assert!(beside <= 20_000 * 13 + 200 * 6 + 100, "{beside} bytes beside the text");
    round_trip(&pages, &shifts);
}

#[test]
fn unsorted_subsecond_distant_and_missing_times_round_trip_exactly() {
    let mut odd = pages(40, 90);
    odd.reverse();
    odd[3].triggered_at = Utc.timestamp_opt(1_790_000_000, 250_000_000).unwrap();
    odd[5].acknowledged_at = Some(DateTime::<Utc>::MIN_UTC);
    odd[6].resolved_at = Some(DateTime::<Utc>::MAX_UTC);
    odd[7].triggered_at = at(-86_400 * 365 * 100);
    round_trip(&odd, &shifts(5));
    let mut far = shifts(3);
    far[1].end = at(86_400 * 365 * 200);
    round_trip(&pages(3, 60), &far);
    round_trip(&[], &[]);
    round_trip(&pages(1, 1), &[]);
}

#[test]
fn damaged_files_are_errors_naming_what_is_wrong() {
    let bytes = write(&pages(30, 500), &shifts(4));
    for cut in 0..bytes.len() {
        assert!(read(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    assert!(read(&bytes[..bytes.len() - 1]).unwrap_err().starts_with("shifts: the on-call file is truncated"));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(read(&longer).unwrap_err().contains("1 bytes after the end of the on-call file"));
    assert!(read(b"FBOC\x09\0\0\0").unwrap_err().contains("on-call file format 9"));
    assert!(read(b"FBSL\x01\0\0\0").unwrap_err().contains("not a firebreak on-call file"));
    // One page whose alert is a name that is not there: its index is the byte after the
    // id's text and the alert column's width.
    let page = Page { alert: "x".into(), service: "x".into(), responder: "x".into(), ..pages(1, 1)[0].clone() };
    let mut one = write(&[page], &[]);
    let id_end = one.windows(7).position(|w| w == b"P000000").unwrap() + 7;
    one[id_end + 1] = 5;
    assert_eq!(read(&one).unwrap_err(), "pages: name 5 of 2");
}
