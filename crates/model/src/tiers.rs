//! What a service's tier promises: the disaster-recovery targets (RTO, RPO), how often it
//! must be drilled, and the median time to restore it must keep to leave firefighting.
//! `[tiers.<n>]` in firebreak.toml overrides any of them; the rest keep their defaults.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::duration::Duration;

/// `[tiers.<n>]` as written: every key optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TierSettings {
    /// Recovery time objective: the longest a disaster may keep the service down.
    pub rto: Option<Duration>,
    /// Recovery point objective: the most recent data a disaster may lose.
    pub rpo: Option<Duration>,
    /// A service of the tier is drilled at least this often.
    pub drill_every_days: Option<u32>,
    /// The readiness stage "fire prevention" needs the median time to restore under this.
    pub restore_under: Option<Duration>,
}

/// A tier's targets, defaults filled in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TierTargets {
    pub tier: u8,
    pub rto: Duration,
    pub rpo: Duration,
    pub drill_every_days: u32,
    pub restore_under: Duration,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;

impl TierTargets {
    /// The industry's usual tiers (docs/metrics.md, "Drills and disaster recovery"): tier 1
    /// RPO 5 min / RTO 15 min, drilled every 90 days; tier 2 1 h / 4 h, every 180 days;
    /// tier 3 24 h / 24 h and tier 4 (and any lower tier) 72 h / 72 h, yearly. A tier-1
    /// service leaves firefighting with a median restore under 20 minutes, the others under
    /// their RTO.
    pub fn default_for(tier: u8) -> TierTargets {
        let (rpo, rto, drill_every_days, restore_under) = match tier {
            0 | 1 => (5 * MINUTE, 15 * MINUTE, 90, 20 * MINUTE),
            2 => (HOUR, 4 * HOUR, 180, 4 * HOUR),
            3 => (24 * HOUR, 24 * HOUR, 365, 24 * HOUR),
            _ => (72 * HOUR, 72 * HOUR, 365, 72 * HOUR),
        };
        let duration = |seconds| Duration { seconds };
        TierTargets {
            tier,
            rto: duration(rto),
            rpo: duration(rpo),
            drill_every_days,
            restore_under: duration(restore_under),
        }
    }

    /// The defaults of `tier` with what `[tiers.<tier>]` sets. A tier whose `rto` is set but
    /// not `restore_under` keeps restore-under at the new RTO, except tier 1's 20 minutes.
    pub fn of(tier: u8, tiers: &BTreeMap<String, TierSettings>) -> TierTargets {
        let defaults = TierTargets::default_for(tier);
        let Some(set) = tiers.get(&tier.to_string()) else { return defaults };
        let rto = set.rto.unwrap_or(defaults.rto);
        let restore_default = if tier <= 1 { defaults.restore_under } else { rto };
        TierTargets {
            tier,
            rto,
            rpo: set.rpo.unwrap_or(defaults.rpo),
            drill_every_days: set.drill_every_days.unwrap_or(defaults.drill_every_days),
            restore_under: set.restore_under.unwrap_or(restore_default),
        }
    }
}

/// `[readiness]`: what holds a service in a stage besides its tier's targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ReadinessPolicy {
    /// An open action item past its due date by more than this many days holds its
    /// service in firefighting.
    pub overdue_grace_days: u32,
    /// Whether fire prevention asks for an SLO (only in a repo that has SLOs at all).
    pub require_slo: bool,
}

impl Default for ReadinessPolicy {
    fn default() -> Self {
        ReadinessPolicy { overdue_grace_days: 0, require_slo: true }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(m: i64) -> Duration {
        Duration { seconds: m * MINUTE }
    }

    #[test]
    fn defaults_follow_the_usual_tiers() {
        let one = TierTargets::default_for(1);
        assert_eq!(
            (one.rpo, one.rto, one.drill_every_days, one.restore_under),
            (minutes(5), minutes(15), 90, minutes(20))
        );
        let two = TierTargets::default_for(2);
        assert_eq!((two.rpo, two.rto, two.drill_every_days), (minutes(60), minutes(240), 180));
        assert_eq!(TierTargets::default_for(3).drill_every_days, 365);
        assert_eq!(TierTargets::default_for(7).rto, minutes(72 * 60));
    }

    #[test]
    fn a_setting_overrides_one_key_and_keeps_the_rest() {
        let tiers = BTreeMap::from([
            ("1".to_owned(), TierSettings { drill_every_days: Some(30), ..TierSettings::default() }),
            ("2".to_owned(), TierSettings { rto: Some(minutes(120)), ..TierSettings::default() }),
        ]);
        let one = TierTargets::of(1, &tiers);
        assert_eq!((one.drill_every_days, one.rto, one.restore_under), (30, minutes(15), minutes(20)));
        let two = TierTargets::of(2, &tiers);
        assert_eq!((two.rto, two.restore_under, two.rpo), (minutes(120), minutes(120), minutes(60)));
        assert_eq!(TierTargets::of(3, &tiers), TierTargets::default_for(3));
    }
}
