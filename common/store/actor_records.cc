#include "common/store/actor_records.h"

#include <algorithm>
#include <map>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "common/store/absl_compat.h"
#include "common/store/db_options.h"
#include "common/store/key_codec.h"
#include "common/util/status_macros.h"
#include "rocksdb/db.h"
#include "rocksdb/write_batch.h"

namespace claims::store_internal {
namespace {

using claims::v1::Actor;
using claims::v1::ActorRef;

// Leading words that name a title, office or honorific rather than the
// person. Lower case, without dots; multi-word titles are matched whole.
// clang-format off
constexpr std::string_view kTitles[] = {
    "the", "former", "late", "acting", "then", "mr", "mrs", "ms", "miss", "mx",
    "dr", "prof", "professor", "sir", "dame", "lord", "lady", "president",
    "vice president", "vice-president", "prime minister", "pm",
    "deputy prime minister", "minister", "foreign minister", "defence minister",
    "defense minister", "finance minister", "secretary", "secretary of state",
    "secretary-general", "secretary general", "senator", "sen", "rep",
    "representative", "congressman", "congresswoman", "governor", "gov",
    "mayor", "ambassador", "speaker", "chancellor", "king", "queen", "prince",
    "princess", "crown prince", "sheikh", "ayatollah", "supreme leader",
    "general", "gen", "lt", "col", "colonel", "major", "captain", "capt",
    "admiral", "adm", "commander", "judge", "justice", "chief justice", "rabbi",
    "pope", "cardinal", "archbishop", "bishop", "imam", "emir", "sultan",
    "chairman", "chairwoman", "chair", "ceo", "leader", "opposition leader",
    "national security adviser", "national security advisor", "envoy",
    "special envoy", "spokesman", "spokeswoman", "spokesperson",
};
// clang-format on

std::vector<std::string> Words(std::string_view normalized) {
  return absl::StrSplit(AbslView(normalized), ' ', absl::SkipEmpty());
}

std::string StripDots(std::string_view word) {
  std::string out(word);
  out.erase(std::remove(out.begin(), out.end(), '.'), out.end());
  return out;
}

// kTitles split into words, once.
const std::vector<std::vector<std::string>>& TitleWords() {
  static const auto* const titles = [] {
    auto* split = new std::vector<std::vector<std::string>>();
    for (std::string_view title : kTitles) split->push_back(Words(title));
    return split;
  }();
  return *titles;
}

// Number of leading words of `words` (from `at`, dots already stripped)
// forming the longest title.
size_t TitleLength(const std::vector<std::string>& words, size_t at) {
  size_t best = 0;
  for (const std::vector<std::string>& title_words : TitleWords()) {
    if (title_words.size() <= best || at + title_words.size() > words.size()) {
      continue;
    }
    if (std::equal(title_words.begin(), title_words.end(),
                   words.begin() + at)) {
      best = title_words.size();
    }
  }
  return best;
}

std::string WithoutPossessive(std::string_view name) {
  if (absl::EndsWith(AbslView(name), "'s"))
    return std::string(name.substr(0, name.size() - 2));
  if (absl::EndsWith(AbslView(name), "s'"))
    return std::string(name.substr(0, name.size() - 1));
  return std::string(name);
}

// Adds the normalized forms of `name` an actor is found under.
void AddAlias(std::string_view name, std::vector<std::string>* out) {
  std::string alias = NormalizeAlias(name);
  if (IsValidKeyId(alias)) out->push_back(std::move(alias));
}

void UnionAliases(const Actor& from, Actor* into) {
  absl::flat_hash_set<std::string> seen;
  for (const std::string& alias : into->aliases()) {
    seen.insert(NormalizeAlias(alias));
  }
  for (const std::string& alias : from.aliases()) {
    if (!alias.empty() && seen.insert(NormalizeAlias(alias)).second) {
      into->add_aliases(alias);
    }
  }
}

void AddAliasIfNew(const std::string& alias, Actor* actor) {
  Actor one;
  one.add_aliases(alias);
  UnionAliases(one, actor);
}

// `incoming` over `stored`: authoritative values replace stored ones,
// others only fill empty fields. A replaced name stays as an alias.
Actor Merge(const Actor& stored, const Actor& incoming, bool authoritative) {
  Actor merged = stored;
  merged.set_id(incoming.id());
  auto pick = [&](const std::string& now, const std::string& next,
                  auto setter) {
    if (!next.empty() && (authoritative || now.empty())) setter(next);
  };
  const std::string old_name = stored.name();
  pick(stored.name(), incoming.name(),
       [&](const std::string& v) { merged.set_name(v); });
  pick(stored.country(), incoming.country(),
       [&](const std::string& v) { merged.set_country(v); });
  pick(stored.role(), incoming.role(),
       [&](const std::string& v) { merged.set_role(v); });
  if (incoming.type() != claims::v1::ACTOR_TYPE_UNSPECIFIED &&
      (authoritative || stored.type() == claims::v1::ACTOR_TYPE_UNSPECIFIED)) {
    merged.set_type(incoming.type());
  }
  UnionAliases(incoming, &merged);
  if (!old_name.empty() &&
      NormalizeAlias(old_name) != NormalizeAlias(merged.name())) {
    AddAliasIfNew(old_name, &merged);
  }
  merged.clear_claim_count();  // counts live in counters
  return merged;
}

struct Incoming {
  Actor actor;
  bool authoritative = false;
};

void AddRef(const ActorRef& ref, std::map<std::string, Incoming>* incoming) {
  if (!IsValidKeyId(ref.id())) return;
  auto [it, inserted] = incoming->try_emplace(ref.id());
  Incoming& entry = it->second;
  if (inserted) {
    entry.actor.set_id(ref.id());
    entry.actor.set_name(ref.name());
    entry.actor.set_type(ref.type());
  }
  if (!ref.name().empty()) AddAliasIfNew(ref.name(), &entry.actor);
}

}  // namespace

absl::Status WriteActorRecords(rocksdb::DB* db,
                               const claims::v1::AnalyzeResponse& analysis,
                               rocksdb::WriteBatch* batch) {
  std::map<std::string, Incoming> incoming;
  for (const Actor& actor : analysis.actors()) {
    if (!IsValidKeyId(actor.id())) continue;
    Incoming& entry = incoming[actor.id()];
    entry.actor = entry.authoritative ? Merge(entry.actor, actor, true) : actor;
    entry.authoritative = true;
  }
  for (const auto& claim : analysis.claims()) {
    for (const ActorRef& ref : claim.subjects()) AddRef(ref, &incoming);
    for (const ActorRef& ref : claim.objects()) AddRef(ref, &incoming);
    for (const ActorRef& ref : claim.participants()) AddRef(ref, &incoming);
    if (claim.has_modality_source()) AddRef(claim.modality_source(), &incoming);
  }

  std::string stored_value;
  std::string merged_value;
  for (const auto& [id, entry] : incoming) {
    Actor stored;
    rocksdb::Status s =
        db->Get(rocksdb::ReadOptions(), ActorRecordKey(id), &stored_value);
    if (!s.ok() && !s.IsNotFound()) return FromRocks(s, "read actor");
    if (s.ok() && !stored.ParseFromString(stored_value)) {
      return absl::DataLossError(absl::StrCat("actor ", id, ": bad record"));
    }
    Actor merged = Merge(stored, entry.actor, entry.authoritative);
    merged.SerializeToString(&merged_value);
    if (s.ok() && merged_value == stored_value) continue;
    RETURN_IF_ERROR(
        FromRocks(batch->Put(ActorRecordKey(id), merged_value), "batch"));
    std::vector<std::string> aliases;
    AddAlias(id, &aliases);
    AddAlias(merged.name(), &aliases);
    for (const std::string& alias : merged.aliases()) AddAlias(alias, &aliases);
    for (const std::string& alias : aliases) {
      RETURN_IF_ERROR(FromRocks(batch->Put(AliasKey(alias, id), ""), "batch"));
    }
    // A country is not affiliated with itself.
    if (!merged.country().empty() && merged.country() != id &&
        IsValidKeyId(merged.country())) {
      RETURN_IF_ERROR(FromRocks(
          batch->Put(AffiliationKey(merged.country(), id), ""), "batch"));
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<Actor> ReadActorRecord(rocksdb::DB* db,
                                      std::string_view actor_id) {
  std::string value;
  rocksdb::Status s =
      db->Get(rocksdb::ReadOptions(), ActorRecordKey(actor_id), &value);
  RETURN_IF_ERROR(FromRocks(s, absl::StrCat("actor ", AbslView(actor_id))));
  Actor actor;
  if (!actor.ParseFromString(value)) {
    return absl::DataLossError(
        absl::StrCat("actor ", AbslView(actor_id), ": bad record"));
  }
  return actor;
}

std::vector<std::string> AliasLookupCandidates(std::string_view name) {
  // Typographic apostrophes are written as ASCII ones.
  const std::string normalized = NormalizeAlias(
      absl::StrReplaceAll(AbslView(name), {{"\xE2\x80\x99", "'"}}));
  std::vector<std::string> out;
  auto add = [&out](std::string candidate) {
    if (IsValidKeyId(candidate) &&
        std::find(out.begin(), out.end(), candidate) == out.end()) {
      out.push_back(std::move(candidate));
    }
  };
  add(normalized);
  for (const std::string& base : {normalized, WithoutPossessive(normalized)}) {
    add(base);
    const std::vector<std::string> words = Words(base);
    std::vector<std::string> undotted;
    for (const std::string& word : words) undotted.push_back(StripDots(word));
    size_t at = 0;
    // Strip titles one at a time ("former prime minister x" -> "prime
    // minister x" -> "x"), never down to nothing.
    for (size_t n = TitleLength(undotted, at); n > 0 && at + n < words.size();
         n = TitleLength(undotted, at)) {
      at += n;
      add(absl::StrJoin(words.begin() + at, words.end(), " "));
    }
  }
  return out;
}

}  // namespace claims::store_internal
