//! Changes to teams: the team an assessment or workshop is for, renaming (without
//! overwriting a rename made in another tab), its benchmark peers, archiving and
//! deleting.

use super::{remove_where, Store};
use crate::assessment::records::{Millis, Team, TeamId};
use crate::dora::benchmarks;
use crate::error::{ChangeError, TeamError};
use crate::limits::{MAX_TAG, MAX_TAGS, MAX_TEAM_NAME};

impl Store {
    /// The team called `name` (ignoring case and surrounding space), if any.
    pub fn team_named(&self, name: &str) -> Option<&Team> {
        self.teams.iter().find(|t| same_name(&t.name, name))
    }

    pub fn team(&self, id: &TeamId) -> Option<&Team> {
        self.teams.iter().find(|t| &t.id == id)
    }

    /// Teams, most recently active first.
    pub fn teams_by_activity(&self) -> Vec<&Team> {
        let last_activity = |team: &Team| {
            self.runs
                .iter()
                .filter(|r| r.team == team.id)
                .map(|r| r.finished_at.unwrap_or(r.started_at))
                .max()
                .unwrap_or(team.created_at)
        };
        let mut teams: Vec<&Team> = self.teams.iter().collect();
        teams.sort_by_key(|t| std::cmp::Reverse(last_activity(t)));
        teams
    }

    /// The id of the team called `team_name`, created with id `new_team` if there is
    /// none. Assessing an archived team again brings it back.
    pub(crate) fn team_for(
        &mut self,
        team_name: &str,
        new_team: TeamId,
        now: Millis,
    ) -> Result<TeamId, ChangeError> {
        let name = checked_name(team_name)?;
        Ok(
            match self.teams.iter_mut().find(|t| same_name(&t.name, name)) {
                Some(team) => {
                    team.archived = false;
                    team.id.clone()
                }
                None => {
                    self.teams.push(Team {
                        id: new_team.clone(),
                        name: name.to_string(),
                        created_at: now,
                        archived: false,
                        industry: None,
                        size: None,
                        tags: Vec::new(),
                    });
                    new_team
                }
            },
        )
    }

    /// Renames a team. `was` is the name the user saw when they began editing: if
    /// the team has been renamed since (in another tab), nothing changes and the
    /// error carries the name now saved.
    pub fn rename_team(
        &mut self,
        id: &TeamId,
        was: &str,
        name: &str,
        now: Millis,
    ) -> Result<(), ChangeError> {
        let name = checked_name(name)?;
        if let Some(other) = self.team_named(name).filter(|t| &t.id != id) {
            return Err(ChangeError::Team(TeamError::NameTaken(other.name.clone())));
        }
        let team = self.team_mut(id)?;
        if team.name != was {
            return Err(ChangeError::EditedElsewhere {
                theirs: team.name.clone(),
            });
        }
        team.name = name.to_string();
        self.touch(now);
        Ok(())
    }

    /// Archives or restores a team; its runs are kept either way.
    pub fn set_archived(
        &mut self,
        id: &TeamId,
        archived: bool,
        now: Millis,
    ) -> Result<(), ChangeError> {
        self.team_mut(id)?.archived = archived;
        self.touch(now);
        Ok(())
    }

    /// Sets (or clears, with `None`) the industry and organisation size a team
    /// compares its DORA scores with. Only keys the benchmarks know are taken.
    pub fn set_peers(
        &mut self,
        id: &TeamId,
        industry: Option<&str>,
        size: Option<&str>,
        now: Millis,
    ) -> Result<(), ChangeError> {
        if industry.is_some_and(|k| benchmarks::industry_label(k).is_none())
            || size.is_some_and(|k| benchmarks::size_label(k).is_none())
        {
            return Err(ChangeError::Team(TeamError::UnknownPeers));
        }
        let team = self.team_mut(id)?;
        team.industry = industry.map(str::to_string);
        team.size = size.map(str::to_string);
        self.touch(now);
        Ok(())
    }

    /// Replaces a team's tags with `tags` as typed (comma-separated in the page):
    /// trimmed, empty ones dropped, the same tag (ignoring case) kept once.
    pub fn set_tags(
        &mut self,
        id: &TeamId,
        tags: &[String],
        now: Millis,
    ) -> Result<(), ChangeError> {
        let tags = checked_tags(tags)?;
        let team = self.team_mut(id)?;
        if team.tags != tags {
            team.tags = tags;
            self.touch(now);
        }
        Ok(())
    }

    /// Deletes a team and every run it has. Returns how many runs went with it.
    pub fn delete_team(&mut self, id: &TeamId, now: Millis) -> Result<usize, ChangeError> {
        remove_where(
            &mut self.teams,
            |t| &t.id == id,
            ChangeError::Team(TeamError::Unknown),
        )?;
        let runs = self.runs.len();
        self.runs.retain(|r| &r.team != id);
        self.workshops.retain(|w| &w.team != id);
        self.touch(now);
        Ok(runs - self.runs.len())
    }

    fn team_mut(&mut self, id: &TeamId) -> Result<&mut Team, ChangeError> {
        self.teams
            .iter_mut()
            .find(|t| &t.id == id)
            .ok_or(ChangeError::Team(TeamError::Unknown))
    }
}

/// Whether two team names are the same name (ignoring case and surrounding space).
fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Tags as kept: trimmed, distinct ignoring case, within the limits.
pub fn checked_tags(tags: &[String]) -> Result<Vec<String>, TeamError> {
    let mut kept: Vec<String> = Vec::new();
    for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        if tag.chars().count() > MAX_TAG {
            return Err(TeamError::TooManyTags);
        }
        if !kept.iter().any(|k| same_name(k, tag)) {
            kept.push(tag.to_string());
        }
    }
    if kept.len() > MAX_TAGS {
        return Err(TeamError::TooManyTags);
    }
    Ok(kept)
}

/// A team name as kept: trimmed, not empty, not too long.
fn checked_name(name: &str) -> Result<&str, TeamError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(TeamError::EmptyName);
    }
    if name.chars().count() > MAX_TEAM_NAME {
        return Err(TeamError::NameTooLong);
    }
    Ok(name)
}
