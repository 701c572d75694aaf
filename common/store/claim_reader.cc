#include "common/store/claim_reader.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <utility>

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/store/absl_compat.h"
#include "common/store/actor_records.h"
#include "common/store/claim_index.h"
#include "common/store/dates.h"
#include "common/store/db_options.h"
#include "common/store/index_stream.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"

namespace claims {

using claims::storage::v1::ArticleRecord;
using claims::storage::v1::ChangeRecord;
using claims::v1::Actor;
using claims::v1::Claim;
using claims::v1::StoredArticle;
namespace si = store_internal;

namespace {

// Index entries visited before a scan re-creates its iterators, so a long
// scan does not pin old versions (and cancellation is polled).
constexpr uint64_t kRefreshEvery = 4096;

// A filter with its dates parsed and its lists hashed once, so matching a
// claim costs the same however long the lists are.
struct NormalizedFilter {
  const ClaimFilter* raw = nullptr;
  claims::v1::DateField field = claims::v1::DATE_FIELD_EFFECTIVE;
  std::optional<absl::CivilDay> from;
  std::optional<absl::CivilDay> to;
  // Without trailing '/', deduplicated, in request order.
  std::vector<std::string> topics;
  absl::flat_hash_set<std::string> topic_set;
  absl::flat_hash_set<std::string> actor_set;
  absl::flat_hash_set<std::string> article_set;
};

absl::StatusOr<NormalizedFilter> Normalize(const ClaimFilter& filter) {
  NormalizedFilter nf;
  nf.raw = &filter;
  nf.field = filter.date_field == claims::v1::DATE_FIELD_UNSPECIFIED
                 ? claims::v1::DATE_FIELD_EFFECTIVE
                 : filter.date_field;
  if (!filter.from.empty()) {
    ASSIGN_OR_RETURN(nf.from, si::ParseQueryDate(filter.from, "from"));
  }
  if (!filter.to.empty()) {
    ASSIGN_OR_RETURN(nf.to, si::ParseQueryDate(filter.to, "to"));
  }
  for (const std::string& topic : filter.topics) {
    std::string_view t = topic;
    while (!t.empty() && t.back() == '/') t.remove_suffix(1);
    if (!t.empty() && nf.topic_set.emplace(t).second) nf.topics.emplace_back(t);
  }
  nf.actor_set.insert(filter.actor_ids.begin(), filter.actor_ids.end());
  nf.article_set.insert(filter.article_ids.begin(), filter.article_ids.end());
  return nf;
}

template <typename T, typename U>
bool Contains(const std::vector<T>& values, const U& value) {
  return std::find(values.begin(), values.end(), value) != values.end();
}

bool NamesActor(const Claim& claim,
                const absl::flat_hash_set<std::string>& ids) {
  auto named = [&](const auto& refs) {
    for (const auto& ref : refs) {
      if (ids.contains(ref.id())) return true;
    }
    return false;
  };
  return named(claim.subjects()) || named(claim.objects()) ||
         named(claim.participants()) ||
         (claim.has_modality_source() && ids.contains(claim.modality_source().id()));
}

// True when a topic of `claim` or one of its ancestors ("a" of "a/b") is in
// `queries`: a parent matches its children.
bool HasTopicIn(const Claim& claim,
                const absl::flat_hash_set<std::string>& queries) {
  for (const std::string& topic : claim.topics()) {
    for (const std::string& path : si::TopicAncestry(topic)) {
      if (queries.contains(path)) return true;
    }
  }
  return false;
}

bool MatchesNormalized(const NormalizedFilter& nf, const Claim& claim) {
  const ClaimFilter& f = *nf.raw;
  if (!f.actor_ids.empty() && !NamesActor(claim, nf.actor_set)) return false;
  if (!f.topics.empty() && !HasTopicIn(claim, nf.topic_set)) return false;
  if (nf.from.has_value() || nf.to.has_value()) {
    if (nf.from.has_value() && nf.to.has_value() && *nf.from >= *nf.to) {
      return false;  // an empty range
    }
    std::optional<si::DatePeriod> period = si::ClaimPeriod(claim, nf.field);
    if (!period.has_value()) return false;
    if (nf.from.has_value() && period->end <= *nf.from) return false;
    if (nf.to.has_value() && period->start >= *nf.to) return false;
  }
  if (!f.article_ids.empty() && !nf.article_set.contains(claim.article_id())) {
    return false;
  }
  if (!f.types.empty() && !Contains(f.types, claim.type())) return false;
  if (!f.modalities.empty() && !Contains(f.modalities, claim.modality())) {
    return false;
  }
  return claim.confidence() >= f.min_confidence;
}

absl::Status ParseClaim(std::string_view value, std::string_view key,
                        Claim* claim) {
  if (!claim->ParseFromArray(value.data(), static_cast<int>(value.size()))) {
    return absl::DataLossError(absl::StrCat(
        "claim ", absl::CHexEscape(si::AbslView(key)), ": bad record"));
  }
  return absl::OkStatus();
}

// Sort-key range of one span partition outside of which no claim can match
// the date filter.
si::SortKeyBounds BoundsFor(const NormalizedFilter& nf, si::PeriodSpan span) {
  si::SortKeyBounds bounds;
  // Only the effective date is indexed; an event date, when set, is the
  // effective date, so both can use the bounds. Publication dates cannot.
  if (nf.field == claims::v1::DATE_FIELD_PUBLISHED) return bounds;
  if (nf.from.has_value()) {
    const absl::CivilDay start = si::EarliestOverlappingStart(*nf.from, span);
    bounds.lower = start.year() < 1 ? "0001-01-01" : si::FormatDate(start);
  }
  if (nf.to.has_value()) bounds.upper = si::FormatDate(*nf.to);
  return bounds;
}

// Scan of a few whole articles: their claims are read directly (an article
// is small) and ordered by sort key, instead of walking the date index.
absl::Status ScanArticles(
    rocksdb::DB* db, const NormalizedFilter& nf,
    const std::optional<std::string>& after, const ScanOptions& options,
    const std::function<bool(const ScannedClaim&)>& emit) {
  std::vector<std::string> ids = nf.raw->article_ids;
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  // (sort key, stored claim)
  std::vector<std::pair<std::string, std::string>> items;
  Claim claim;
  absl::Status parsed;
  for (const std::string& id : ids) {
    if (!si::IsValidKeyId(id)) continue;
    RETURN_IF_ERROR(si::ForEachInRange(
        db, si::PrefixRange(si::ArticleClaimsPrefix(id)), "scan claims",
        [&](std::string_view key, std::string_view value) {
          parsed = ParseClaim(value, key, &claim);
          if (!parsed.ok()) return false;
          std::string sort_key =
              si::SortKey(si::ClaimIndexedPeriod(claim).start, id,
                          si::DecodeBigEndian32(key.substr(key.size() - 4)));
          const bool before_cursor =
              after.has_value() && (options.newest_first ? sort_key >= *after
                                                         : sort_key <= *after);
          if (!before_cursor && MatchesNormalized(nf, claim)) {
            items.emplace_back(std::move(sort_key), std::string(value));
          }
          return true;
        }));
    RETURN_IF_ERROR(parsed);
  }
  std::sort(items.begin(), items.end(), [&](const auto& a, const auto& b) {
    return options.newest_first ? a.first > b.first : a.first < b.first;
  });
  uint64_t emitted = 0;
  ScannedClaim item;
  for (auto& [sort_key, encoded] : items) {
    item.encoded_claim = std::move(encoded);
    item.cursor = si::EncodeCursor(sort_key);
    if (!emit(item)) return absl::OkStatus();
    if (options.limit != 0 && ++emitted >= options.limit) break;
  }
  return absl::OkStatus();
}

}  // namespace

absl::StatusOr<Claim> ScannedClaim::Decode() const {
  Claim claim;
  if (!claim.ParseFromString(encoded_claim)) {
    return absl::DataLossError("scanned claim: bad record");
  }
  return claim;
}

ClaimReader::ClaimReader(rocksdb::DB* db) : db_(db) {}

absl::StatusOr<StoredArticle> ClaimReader::GetArticle(
    std::string_view article_id) const {
  std::string value;
  rocksdb::Status s =
      db_->Get(rocksdb::ReadOptions(), si::ArticleKey(article_id), &value);
  if (s.IsNotFound()) {
    return absl::NotFoundError(
        absl::StrCat("article \"", absl::CHexEscape(si::AbslView(article_id)),
                     "\" is not stored"));
  }
  RETURN_IF_ERROR(si::FromRocks(s, "read article"));
  ArticleRecord record;
  if (!record.ParseFromString(value)) {
    return absl::DataLossError(
        absl::StrCat("article \"", absl::CHexEscape(si::AbslView(article_id)),
                     "\": bad record"));
  }
  return std::move(*record.mutable_article());
}

absl::StatusOr<std::vector<Claim>> ClaimReader::GetArticleClaims(
    std::string_view article_id) const {
  RETURN_IF_ERROR(GetArticle(article_id).status());
  std::vector<Claim> claims;
  absl::Status parsed;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, si::PrefixRange(si::ArticleClaimsPrefix(article_id)), "scan claims",
      [&](std::string_view key, std::string_view value) {
        parsed = ParseClaim(value, key, &claims.emplace_back());
        return parsed.ok();
      }));
  RETURN_IF_ERROR(parsed);
  return claims;
}

namespace {

// A big-endian counter value (counts, the commit sequence); 0 when absent.
uint64_t ReadCount(rocksdb::DB* db, const std::string& key) {
  std::string value;
  rocksdb::Status s = db->Get(rocksdb::ReadOptions(), key, &value);
  return s.ok() ? si::DecodeCount(value) : 0;
}

}  // namespace

absl::Status ClaimReader::Scan(
    const ClaimFilter& filter, const ScanOptions& options,
    const std::function<bool(const ScannedClaim&)>& emit) const {
  ASSIGN_OR_RETURN(const NormalizedFilter nf, Normalize(filter));
  std::optional<std::string> after;
  if (!options.cursor.empty()) {
    after = si::DecodeCursor(options.cursor);
    if (!after.has_value()) {
      return absl::InvalidArgumentError("cursor: malformed or from elsewhere");
    }
  }
  if (nf.from.has_value() && nf.to.has_value() && *nf.from >= *nf.to) {
    return absl::OkStatus();  // an empty range
  }
  if (filter.actor_ids.empty() && nf.topics.empty() &&
      !filter.article_ids.empty()) {
    return ScanArticles(db_, nf, after, options, emit);
  }

  // The driving index is the most selective one the counters point to:
  // actors or topics (each an any-of union), else every claim by date.
  enum class Driver { kActors, kTopics, kDates };
  Driver driver = !filter.actor_ids.empty() ? Driver::kActors
                  : !nf.topics.empty()      ? Driver::kTopics
                                            : Driver::kDates;
  if (driver == Driver::kActors && !nf.topics.empty()) {
    uint64_t actor_claims = 0;
    for (const std::string& id : filter.actor_ids) {
      actor_claims += ReadCount(db_, si::ActorCountKey(id));
    }
    uint64_t topic_claims = 0;
    for (const std::string& topic : nf.topics) {
      topic_claims += ReadCount(db_, si::TopicCountKey(topic));
    }
    if (topic_claims < actor_claims) driver = Driver::kTopics;
  }
  std::vector<std::string> keys;  // actor ids or topics of the driver
  if (driver == Driver::kActors) keys = filter.actor_ids;
  if (driver == Driver::kTopics) keys = nf.topics;
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
  keys.erase(std::remove_if(keys.begin(), keys.end(),
                            [](const std::string& key) {
                              return !si::IsValidKeyId(key);
                            }),
             keys.end());

  // One stream per key and span partition, each starting only as far
  // before `from` as its periods can reach.
  std::vector<std::unique_ptr<si::IndexStream>> streams;
  for (si::PeriodSpan span : si::kPeriodSpans) {
    const si::SortKeyBounds bounds = BoundsFor(nf, span);
    auto add = [&](std::string prefix) {
      streams.push_back(std::make_unique<si::IndexStream>(
          db_, std::move(prefix), bounds, options.newest_first, after));
    };
    if (driver == Driver::kDates) add(si::DateIndexPrefix(span));
    for (const std::string& key : keys) {
      add(driver == Driver::kActors ? si::ActorIndexPrefix(key, span)
                                    : si::TopicIndexPrefix(key, span));
    }
  }
  si::MergedIndexStream merged(std::move(streams), options.newest_first);
  merged.Open();

  // The walk decides the driving kind and an effective-date range from the
  // entry alone; any other filter needs the claim parsed.
  const bool has_range = nf.from.has_value() || nf.to.has_value();
  const bool range_in_index =
      has_range && nf.field == claims::v1::DATE_FIELD_EFFECTIVE;
  const bool needs_claim =
      !filter.article_ids.empty() || !filter.types.empty() ||
      !filter.modalities.empty() || filter.min_confidence > 0 ||
      (has_range && !range_in_index) ||
      (!filter.actor_ids.empty() && driver != Driver::kActors) ||
      (!nf.topics.empty() && driver != Driver::kTopics);
  const std::string from_date =
      nf.from.has_value() ? si::FormatDate(*nf.from) : std::string();
  const std::string to_date =
      nf.to.has_value() ? si::FormatDate(*nf.to) : std::string();

  // Whether the current entry matches, with its claim's bytes in `claim`;
  // DATA_LOSS for a malformed entry.
  Claim parsed;
  auto matches = [&](const si::IndexStream& entry,
                     std::string_view* claim) -> absl::StatusOr<bool> {
    std::optional<si::IndexValue> value = si::DecodeIndexValue(entry.value());
    if (!value.has_value()) {
      return absl::DataLossError("index entry: malformed value");
    }
    *claim = value->claim;
    if (range_in_index) {
      const std::string_view start =
          entry.sort_key().substr(0, si::kDateLength);
      if (start == si::kUnknownDate) return false;
      if (!from_date.empty() && value->period_end <= from_date) return false;
      if (!to_date.empty() && start >= to_date) return false;
    }
    if (!needs_claim) return true;
    RETURN_IF_ERROR(ParseClaim(value->claim, entry.sort_key(), &parsed));
    return MatchesNormalized(nf, parsed);
  };

  uint64_t visited = 0;
  uint64_t emitted = 0;
  ScannedClaim item;
  for (const si::IndexStream* entry = merged.Current(); entry != nullptr;) {
    std::string_view claim;
    ASSIGN_OR_RETURN(const bool take, matches(*entry, &claim));
    if (take) {
      item.encoded_claim.assign(claim);
      item.cursor = si::EncodeCursor(entry->sort_key());
    }
    entry = merged.Next(entry);
    if (++visited % kRefreshEvery == 0) {
      RETURN_IF_ERROR(merged.status());
      if (options.keep_going && !options.keep_going()) {
        return absl::CancelledError("scan stopped");
      }
      merged.Refresh();
      entry = merged.Current();
    }
    if (!take) continue;
    if (!emit(item)) return absl::OkStatus();
    if (options.limit != 0 && ++emitted >= options.limit) {
      return absl::OkStatus();
    }
  }
  return merged.status();
}

std::vector<std::string> ClaimReader::ResolveActor(
    std::string_view name) const {
  for (const std::string& candidate : si::AliasLookupCandidates(name)) {
    std::vector<std::string> ids;
    // A failed lookup resolves nothing, as an unknown name does.
    (void)si::ForEachInRange(
        db_, si::PrefixRange(si::AliasExactPrefix(candidate)), "scan aliases",
        [&](std::string_view key, std::string_view) {
          std::optional<std::string> id = si::ActorIdFromAliasKey(key);
          if (id.has_value() && !Contains(ids, *id)) ids.push_back(*id);
          return true;
        });
    if (!ids.empty()) return ids;
  }
  return {};
}

absl::StatusOr<std::vector<Actor>> ClaimReader::ListActors(
    std::string_view prefix, uint32_t limit) const {
  // Candidate ids: every counted actor, or those with a matching alias.
  std::vector<std::string> ids;
  const std::string normalized = si::NormalizeAlias(prefix);
  const si::KeyRange range =
      normalized.empty()
          ? si::PrefixRange(std::string(1, si::kActorCountPrefix))
          : si::PrefixRange(si::AliasStartsWithPrefix(normalized));
  absl::flat_hash_set<std::string> seen;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, range, "scan actors", [&](std::string_view key, std::string_view) {
        std::optional<std::string> id =
            normalized.empty() ? std::optional<std::string>(key.substr(1))
                               : si::ActorIdFromAliasKey(key);
        if (id.has_value() && seen.insert(*id).second) ids.push_back(*id);
        return true;
      }));

  std::vector<Actor> actors;
  std::string value;
  for (const std::string& id : ids) {
    rocksdb::Status s =
        db_->Get(rocksdb::ReadOptions(), si::ActorCountKey(id), &value);
    if (s.IsNotFound()) continue;
    RETURN_IF_ERROR(si::FromRocks(s, "read actor count"));
    const uint64_t count = si::DecodeCount(value);
    if (count == 0) continue;
    absl::StatusOr<Actor> actor = si::ReadActorRecord(db_, id);
    if (actor.ok()) {
      actors.push_back(*std::move(actor));
    } else if (absl::IsNotFound(actor.status())) {
      actors.emplace_back().set_id(id);
    } else {
      return actor.status();
    }
    actors.back().set_claim_count(count);
  }
  // Most named first; ties by id so pages are stable.
  std::sort(actors.begin(), actors.end(), [](const Actor& a, const Actor& b) {
    if (a.claim_count() != b.claim_count()) {
      return a.claim_count() > b.claim_count();
    }
    return a.id() < b.id();
  });
  if (limit != 0 && actors.size() > limit) actors.resize(limit);
  return actors;
}

absl::StatusOr<std::vector<std::pair<std::string, uint64_t>>>
ClaimReader::TopicCounts() const {
  std::vector<std::pair<std::string, uint64_t>> counts;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, si::PrefixRange(std::string(1, si::kTopicCountPrefix)),
      "scan topic counts", [&](std::string_view key, std::string_view value) {
        const uint64_t count = si::DecodeCount(value);
        if (count > 0) counts.emplace_back(std::string(key.substr(1)), count);
        return true;
      }));
  return counts;
}

absl::StatusOr<std::vector<std::string>> ClaimReader::AffiliatedActors(
    std::string_view country_id) const {
  std::vector<std::string> ids;
  if (!si::IsValidKeyId(country_id)) return ids;
  const std::string prefix = si::AffiliationPrefix(country_id);
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, si::PrefixRange(prefix), "scan affiliations",
      [&](std::string_view key, std::string_view) {
        ids.emplace_back(key.substr(prefix.size()));
        return true;
      }));
  return ids;
}

DbStats ClaimReader::Stats() const {
  auto property = [this](const std::string& name) {
    uint64_t value = 0;
    return db_->GetIntProperty(name, &value) ? value : 0;
  };
  DbStats stats;
  stats.live_data_bytes = property("rocksdb.estimate-live-data-size");
  stats.sst_files_bytes = property("rocksdb.total-sst-files-size");
  stats.memtable_bytes = property("rocksdb.cur-size-all-mem-tables");
  stats.pending_compaction_bytes =
      property("rocksdb.estimate-pending-compaction-bytes");
  return stats;
}

uint64_t ClaimReader::AppliedSequence() const {
  return ReadCount(db_, si::SequenceKey());
}

absl::Status ClaimReader::ReadChanges(
    uint64_t after,
    const std::function<bool(const ChangeRecord&)>& emit) const {
  if (after == UINT64_MAX) return absl::OkStatus();
  const si::KeyRange range{
      si::ChangeKey(after + 1),
      si::PrefixSuccessor(std::string(1, si::kChangePrefix))};
  ChangeRecord change;
  bool malformed = false;
  RETURN_IF_ERROR(si::ForEachInRange(
      db_, range, "scan change feed",
      [&](std::string_view, std::string_view value) {
        malformed = !change.ParseFromArray(value.data(),
                                           static_cast<int>(value.size()));
        return !malformed && emit(change);
      }));
  if (malformed) return absl::DataLossError("change feed: bad record");
  return absl::OkStatus();
}

absl::StatusOr<Claim> ClaimReader::GetClaimByKey(std::string_view key) const {
  if (key.empty() || key[0] != si::kClaimPrefix) {
    return absl::InvalidArgumentError("not a claim key");
  }
  std::string value;
  rocksdb::Status s = db_->Get(rocksdb::ReadOptions(), key, &value);
  if (s.IsNotFound()) {
    return absl::NotFoundError("claim no longer stored");
  }
  RETURN_IF_ERROR(si::FromRocks(s, "read claim"));
  Claim claim;
  RETURN_IF_ERROR(ParseClaim(value, key, &claim));
  return claim;
}

bool ClaimReader::Matches(const ClaimFilter& filter, const Claim& claim) {
  absl::StatusOr<ClaimMatcher> matcher = ClaimMatcher::Create(filter);
  return matcher.ok() && matcher->Matches(claim);
}

// The filter and its normalized form, which points into it.
struct ClaimMatcher::State {
  ClaimFilter filter;
  NormalizedFilter normalized;
};

absl::StatusOr<ClaimMatcher> ClaimMatcher::Create(ClaimFilter filter) {
  auto state = std::make_shared<State>();
  state->filter = std::move(filter);
  ASSIGN_OR_RETURN(state->normalized, Normalize(state->filter));
  return ClaimMatcher(std::move(state));
}

bool ClaimMatcher::Matches(const Claim& claim) const {
  return MatchesNormalized(state_->normalized, claim);
}

}  // namespace claims
