//! The error-budget policy: what the budget left allows. The thresholds are the share of
//! the budget remaining below which each stricter state begins.

use serde::{Deserialize, Serialize};

pub use model::PolicyState;
use model::SloPolicy;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PolicyThresholds {
    /// At or below this share left: caution (default 0.50).
    pub caution: f64,
    /// At or below: warning (default 0.25).
    pub warning: f64,
    /// At or below: exhausted (default 0.10).
    pub exhausted: f64,
}

/// The defaults are `firebreak.toml`'s, so they are written once.
impl Default for PolicyThresholds {
    fn default() -> PolicyThresholds {
        PolicyThresholds::from(&SloPolicy::default())
    }
}

impl From<&SloPolicy> for PolicyThresholds {
    fn from(policy: &SloPolicy) -> PolicyThresholds {
        PolicyThresholds { caution: policy.caution, warning: policy.warning, exhausted: policy.exhausted }
    }
}

impl PolicyThresholds {
    pub fn state(&self, remaining: f64) -> PolicyState {
        if remaining > self.caution {
            PolicyState::Healthy
        } else if remaining > self.warning {
            PolicyState::Caution
        } else if remaining > self.exhausted {
            PolicyState::Warning
        } else {
            PolicyState::Exhausted
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_begins_at_its_threshold() {
        let t = PolicyThresholds::default();
        let states: Vec<PolicyState> =
            [1.0, 0.51, 0.50, 0.26, 0.25, 0.11, 0.10, 0.0, -0.4].map(|r| t.state(r)).to_vec();
        use PolicyState::*;
        assert_eq!(states, [Healthy, Healthy, Caution, Caution, Warning, Warning, Exhausted, Exhausted, Exhausted]);
    }
}
