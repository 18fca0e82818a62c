//! The error-budget policy: what the budget left allows. The thresholds are the share of
//! the budget remaining below which each stricter state begins.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PolicyState {
    /// More than half the budget left: normal velocity.
    Healthy,
    /// Extra scrutiny for risky changes.
    Caution,
    /// Non-critical changes frozen.
    Warning,
    /// Only reliability fixes; a postmortem for the largest consumers.
    Exhausted,
}

impl PolicyState {
    pub fn label(self) -> &'static str {
        match self {
            PolicyState::Healthy => "healthy",
            PolicyState::Caution => "caution",
            PolicyState::Warning => "warning",
            PolicyState::Exhausted => "exhausted",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PolicyThresholds {
    /// At or below this share left: caution (default 0.50).
    pub caution: f64,
    /// At or below: warning (default 0.25).
    pub warning: f64,
    /// At or below: exhausted (default 0.10).
    pub exhausted: f64,
}

impl Default for PolicyThresholds {
    fn default() -> PolicyThresholds {
        PolicyThresholds { caution: 0.50, warning: 0.25, exhausted: 0.10 }
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
