//! The learner's time zone, found the way `jiff::tz::TimeZone::system()` finds it but
//! without building jiff's whole time zone database first.
//!
//! To name the zone `/etc/localtime` links to, jiff opens its database, and opening it
//! lists every file under `/usr/share/zoneinfo` (about 600 names in 20-odd folders): 2.8
//! million instructions and 70 system calls, a third of everything syllabus did before its
//! first frame (docs/performance.md). The link already names the zone and the file it
//! points at is that zone's data, so with `TZ` unset this reads it directly, and gives the
//! same zone. With `TZ` set (a name, a path or a POSIX rule) jiff's own lookup is used.

use jiff::tz::TimeZone;

/// The system time zone (UTC if there is none to be found, as jiff does).
pub fn system() -> TimeZone {
    #[cfg(unix)]
    if std::env::var_os("TZ").is_none()
        && let Some(tz) = linked("/etc/localtime")
    {
        return tz;
    }
    TimeZone::system()
}

/// The zone `path` links to, named after the part of the link's target after `zoneinfo/`
/// (jiff's rule), read from the file it points at; `None` if it is not such a link.
#[cfg(unix)]
fn linked(path: &str) -> Option<TimeZone> {
    let target = std::fs::read_link(path).ok()?;
    let target = target.to_str()?;
    let name = &target[target.rfind("zoneinfo/")? + "zoneinfo/".len()..];
    if name.is_empty() {
        return None;
    }
    if name.eq_ignore_ascii_case("utc") {
        return Some(TimeZone::UTC);
    }
    let data = std::fs::read(path).ok()?;
    TimeZone::tzif(name, &data).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whatever this machine's zone is, it has the same name and the same offsets as jiff's
    /// own answer, over a span of years either side of now.
    #[test]
    fn the_zone_is_the_one_jiff_finds() {
        let ours = system();
        let jiffs = TimeZone::system();
        assert_eq!(ours.iana_name(), jiffs.iana_name());
        let now = jiff::Timestamp::now().as_second();
        for step in -40..=40i64 {
            let t = jiff::Timestamp::from_second(now + step * 45 * 86_400).unwrap();
            assert_eq!(ours.to_offset(t), jiffs.to_offset(t), "at {t}");
        }
    }
}
