//! Timeouts (RULES.md §4): which timeout a network call gets.
//!
//! A per-call `timeout` (base library 2.10.0+) wins when it is a positive finite
//! number; else `networkTimeout[api]` of app.json/game.json when positive finite;
//! else 60000 ms. Anything else (strings, zero, negatives, NaN, ±Infinity) falls
//! through to the next source, as the client does. Decision (RULES.md §4): results
//! above 60000 are clamped to 60000 and reported as clamped, unless the caller opts
//! out. The boundary hands in numbers only; a value of another JS type arrives as
//! `None`, which falls through the same way.

use serde::Serialize;

pub const DEFAULT_MS: f64 = 60_000.0;
pub const MAX_MS: f64 = 60_000.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Call,
    Config,
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Resolved {
    pub timeout: f64,
    pub source: Source,
    pub clamped: bool,
}

fn usable(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite() && *v > 0.0)
}

/// `call`: the per-call value; `configured`: `networkTimeout[api]` of the app config.
pub fn resolve(call: Option<f64>, configured: Option<f64>, clamp: bool) -> Resolved {
    let (timeout, source) = match (usable(call), usable(configured)) {
        (Some(ms), _) => (ms, Source::Call),
        (None, Some(ms)) => (ms, Source::Config),
        (None, None) => (DEFAULT_MS, Source::Default),
    };
    if clamp && timeout > MAX_MS {
        return Resolved { timeout: MAX_MS, source, clamped: true };
    }
    Resolved { timeout, source, clamped: false }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rule_4_per_call_timeout_wins_over_config() {
        assert_eq!(
            resolve(Some(5000.0), Some(8000.0), true),
            Resolved { timeout: 5000.0, source: Source::Call, clamped: false }
        );
    }

    #[test]
    fn rule_4_config_timeout_applies_without_a_call_value() {
        assert_eq!(
            resolve(None, Some(8000.0), true),
            Resolved { timeout: 8000.0, source: Source::Config, clamped: false }
        );
    }

    #[test]
    fn rule_4_default_is_60000() {
        assert_eq!(resolve(None, None, true), Resolved { timeout: 60000.0, source: Source::Default, clamped: false });
    }

    #[test]
    fn rule_4_non_positive_and_non_finite_values_fall_through() {
        for bad in [0.0, -1.0, -0.0, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(resolve(Some(bad), Some(9000.0), true).source, Source::Config, "call {bad}");
            assert_eq!(resolve(Some(bad), Some(bad), true).source, Source::Default, "both {bad}");
        }
    }

    #[test]
    fn rule_4_values_above_60000_are_clamped_unless_opted_out() {
        assert_eq!(
            resolve(Some(90000.0), None, true),
            Resolved { timeout: 60000.0, source: Source::Call, clamped: true }
        );
        assert_eq!(
            resolve(None, Some(60001.0), true),
            Resolved { timeout: 60000.0, source: Source::Config, clamped: true }
        );
        assert_eq!(
            resolve(Some(90000.0), None, false),
            Resolved { timeout: 90000.0, source: Source::Call, clamped: false }
        );
        assert!(!resolve(Some(60000.0), None, true).clamped, "60000 itself is not clamped");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]

        #[test]
        fn resolved_timeout_is_always_positive_finite(call in any::<Option<f64>>(), config in any::<Option<f64>>(), clamp in any::<bool>()) {
            let r = resolve(call, config, clamp);
            prop_assert!(r.timeout.is_finite() && r.timeout > 0.0);
            if clamp { prop_assert!(r.timeout <= MAX_MS); }
        }
    }
}
