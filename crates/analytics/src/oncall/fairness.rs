//! Fairness across a rotation: how far its busiest person's load is from its typical one.

use serde::{Deserialize, Serialize};

use super::health::PersonLoad;
use crate::percentile;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fairness {
    pub pages: Spread,
    pub sleep_interruptions: Spread,
}

/// One count across the people of a rotation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Spread {
    pub max: usize,
    /// Who has the most (the first by handle among equals).
    pub most: String,
    pub median: f64,
    /// `max ÷ median`; `None` when the median is 0, where no ratio says how unfair it is.
    pub max_over_median: Option<f64>,
}

fn spread(people: &[PersonLoad], count: impl Fn(&PersonLoad) -> usize) -> Option<Spread> {
    let most = people.iter().rev().max_by_key(|p| count(p))?;
    let mut counts: Vec<f64> = people.iter().map(|p| count(p) as f64).collect();
    counts.sort_by(f64::total_cmp);
    let median = percentile(&counts, 0.5)?;
    let max = count(most);
    Some(Spread {
        max,
        most: most.responder.clone(),
        median,
        max_over_median: (median > 0.0).then(|| max as f64 / median),
    })
}

/// Over everyone with a shift or a page in the rotation; `None` without anyone.
pub fn fairness(people: &[PersonLoad]) -> Option<Fairness> {
    Some(Fairness {
        pages: spread(people, |p| p.load.pages)?,
        sleep_interruptions: spread(people, |p| p.load.interruptions.sleep)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::oncall::tally::{Over, Tally};
    use model::OncallPolicy;

    /// A person with `pages` pages, `sleep` of them in sleep hours.
    fn person(responder: &str, pages: usize, sleep: usize) -> PersonLoad {
        let mut load = Tally::default().finish(Over::Rotation, &OncallPolicy::default());
        load.pages = pages;
        load.interruptions.sleep = sleep;
        PersonLoad { responder: responder.into(), load }
    }

    #[test]
    fn the_busiest_person_against_the_median() {
        let people = [person("@a", 0, 0), person("@b", 10, 4), person("@c", 2, 4)];
        let f = fairness(&people).unwrap();
        // Pages 0, 2, 10: median 2.
        assert_eq!(
            (f.pages.max, f.pages.most.as_str(), f.pages.median, f.pages.max_over_median),
            (10, "@b", 2.0, Some(5.0))
        );
        // Sleep 0, 4, 4: median 4, and of the two with 4 the first by handle.
        assert_eq!((f.sleep_interruptions.most.as_str(), f.sleep_interruptions.max_over_median), ("@b", Some(1.0)));
        // An even count interpolates: pages 2 and 10 → median 6.
        assert_eq!(fairness(&people[1..]).unwrap().pages.median, 6.0);
    }

    #[test]
    fn a_median_of_zero_has_no_ratio_and_no_people_no_fairness() {
        let people = [person("@a", 0, 0), person("@b", 0, 0), person("@c", 3, 1)];
        let f = fairness(&people).unwrap();
        assert_eq!((f.pages.max, f.pages.median, f.pages.max_over_median), (3, 0.0, None));
        assert_eq!(fairness(&[]), None);
    }
}
