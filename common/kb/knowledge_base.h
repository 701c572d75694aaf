// KnowledgeBase: the known actors (countries, places, organisations, people,
// groups) with their aliases, demonyms and capitals, plus titles of offices
// and who held which office when.
//
// Loaded from every *.jsonl file of a folder (in name order), then from an
// optional operator file that adds entries or extends existing ids. Each
// line is a claims.kb.KbEntry (common/kb/kb_entry.proto) in JSON.
//
//   ASSIGN_OR_RETURN(auto kb, KnowledgeBase::Load("knowledge/kb", ""));
//   for (const AliasMatch& m : kb->Find("Netanyahu")) ...
//   int pm = kb->OfficeHolder("prime-minister", "ISR", "2025-05-20");
//
// Immutable after Load, so thread-safe.
#ifndef CLAIMS_COMMON_KB_KNOWLEDGE_BASE_H_
#define CLAIMS_COMMON_KB_KNOWLEDGE_BASE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"

#include "absl/container/flat_hash_map.h"
#include "absl/container/flat_hash_set.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace claims {

struct KbOffice {
  std::string title;  // title id, e.g. "president"
  std::string owner;  // ISO alpha-3 country or organisation id
  std::string start;  // YYYY-MM-DD
  std::string end;    // YYYY-MM-DD exclusive, "" = open
  int actor = -1;
};

struct KbActor {
  std::string id;
  std::string name;
  claims::v1::ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
  std::string kind;  // country, place, region, person, organisation, ...
  std::string country;
  std::string role;
  std::vector<std::string> aliases;  // every surface form, name first
  std::vector<int> offices;          // indexes into offices()
  int64_t population = 0;            // places; 0 = unknown
  bool capital = false;              // a country's capital city
  bool gazetteer = false;            // names are AliasKind::kGazetteer only

  // How likely a place is meant when several share a name: its population,
  // ten times over for a capital (so Paris, France outranks Paris, Texas, and
  // Victoria, British Columbia outranks Victoria, Seychelles). 0 if unknown.
  int64_t Prominence() const { return capital ? population * 10 : population; }
};

// How a surface form names an actor; lower values are stronger evidence.
enum class AliasKind {
  kName = 0,
  kAlias = 1,
  kCapital = 2,
  kDemonym = 3,
  kGroupName = 4,
  kSurname = 5,
  // Names of bulk gazetteer entries (cities, ISO 3166-2 subdivisions): a
  // feature for taggers and a last resort for linking, never a reason on its
  // own to call a word a name.
  kGazetteer = 6,
};

// One actor a surface form may name. A form often names several actors
// ("Labour" in GBR, IRL and NZL; "Parliament" of many countries; "Paris" the
// capital metonym of France, the French city and the Texan one): Find returns
// all of them, ordered so the most likely comes first:
//   1. by AliasKind (strongest evidence first);
//   2. within a kind, by KbActor::Prominence(), highest first;
//   3. then in load order (files by name, lines in order).
// Callers choose among them with context (the article's country, date and
// other actors); the KbActor's `country` is there for that.
struct AliasMatch {
  int actor = -1;
  AliasKind kind = AliasKind::kName;
};

// True for countries whose names put the family name first ("Xi Jinping",
// "Kim Jong-un", "Nguyen Xuan Phuc"): there the first word of a name is the
// surname, often of two letters.
bool FamilyNameFirst(absl::string_view country);
// True for countries whose names English-language news writes in either
// order ("Orbán Viktor" and "Viktor Orbán"; Japan's since 2019): the
// family-name-first countries, Japan and Hungary.
bool EitherNameOrder(absl::string_view country);
// True for countries whose people go by their first name: patronymic or
// single names ("Dr Abiy" of Abiy Ahmed, "Mr. Joko" of Joko Widodo), or
// the given name as the name of address ("Mr Thaksin" of Thaksin
// Shinawatra, as Thai usage and its English-language press have it; so
// Lao, whose family names date from the 1940s: "Mr Thongloun"): Ethiopia,
// Eritrea, Iceland, Indonesia, Laos, Myanmar, Thailand.
bool CalledByFirstName(absl::string_view country);
// True for countries whose names end in two surnames, the father's first,
// and whose news drops the mother's ("Sebastián Piñera" of Sebastián
// Piñera Echenique): Spain and the Spanish-speaking Americas.
bool TwoSurnamesFatherFirst(absl::string_view country);

class KnowledgeBase {
 public:
  // INVALID_ARGUMENT "file:line: reason" for a malformed entry; NOT_FOUND if
  // `dir` has no *.jsonl file or `extra_file` cannot be read.
  static absl::StatusOr<std::unique_ptr<KnowledgeBase>> Load(
      const std::string& dir, const std::string& extra_file);

  // Builds from entries already parsed (tests). Same validation as Load.
  static absl::StatusOr<std::unique_ptr<KnowledgeBase>> FromJsonLines(
      const std::vector<std::string>& lines);

  // Key used for alias lookup: typographic apostrophes and dashes made
  // ASCII, runs of spaces collapsed.
  static std::string NormalizeKey(absl::string_view surface);

  // Actors a surface form names, as written (case-sensitive), or nullptr.
  const std::vector<AliasMatch>* Find(absl::string_view surface) const;
  // The same ignoring case; for all-caps text such as headlines.
  const std::vector<AliasMatch>* FindFolded(absl::string_view surface) const;
  // The same ignoring diacritics, case-sensitive: "Erdogan" finds the alias
  // "Erdoğan", "Wałęsa" the alias "Walesa" (see unaccent.h).
  const std::vector<AliasMatch>* FindUnaccented(absl::string_view surface) const;
  // People a name names in another romanisation, for a name no lookup above
  // knows: "el-Assad" finds the alias "Assad" (the Arabic article dropped),
  // "Mahmud Ahmadinezhad" and "Mr Ahmadinezhad" find Mahmoud Ahmadinejad,
  // "Qaddafi" finds the surname "Gaddafi" (see name_skeleton.h), and
  // "Alyaksandr Lukashenka" finds "Alexander Lukashenko" (the same long
  // surname and given names at most two letters apart). Only people are
  // found this way; skeletons of fewer than five letters find nothing.
  // Kinds are those of the alias the variant matched, in Find's order;
  // empty when none.
  std::vector<AliasMatch> FindVariant(absl::string_view surface) const;

  const std::vector<KbActor>& actors() const { return actors_; }
  const KbActor& actor(int index) const { return actors_[index]; }
  // Index of the actor with `id` or a former id of it, or -1.
  int IndexOf(absl::string_view id) const;

  // Title id for a surface form ("Prime Minister", "PM" -> "prime-minister"),
  // or nullptr.
  const std::string* FindTitle(absl::string_view surface) const;

  // Tokens (text::Tokenize's, or a few more: a bound) in the longest alias
  // and the longest title whose first word is `first_word`
  // (case-insensitive); 0 when none starts with it. Lets a caller skip the
  // positions where no alias can start.
  struct WordsFrom {
    int alias = 0;
    int title = 0;
  };
  WordsFrom MaxWordsFrom(absl::string_view first_word) const;

  // Actor who held `title` for `owner` on `date` (YYYY-MM-DD; "" = the latest
  // holder), or -1.
  int OfficeHolder(absl::string_view title, absl::string_view owner,
                   absl::string_view date) const;
  // True if `actor` held `title` (any owner) on `date` ("" = ever).
  bool HeldTitle(int actor, absl::string_view title, absl::string_view date) const;
  // True for a title whose holder speaks for their country's government
  // (titles.jsonl: "role": "government"; a finance minister, not an
  // opposition leader or a first lady).
  bool IsGovernmentTitle(absl::string_view title) const {
    return government_titles_.contains(title);
  }
  // True for a monarch's title (titles.jsonl: "regnal": true).
  bool IsRegnalTitle(absl::string_view title) const { return regnal_titles_.contains(title); }

  const std::vector<KbOffice>& offices() const { return offices_; }

  // Stable digest of the loaded data, e.g. "kb-1a2b3c4d5e6f7a8b".
  const std::string& version() const { return version_; }

 private:
  KnowledgeBase() = default;
  class Builder;
  // Sizes the tables for about `entries` entries.
  void Reserve(size_t entries);

  std::vector<KbActor> actors_;
  std::vector<KbOffice> offices_;
  absl::flat_hash_map<std::string, int> by_id_;
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> aliases_;
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> folded_;
  // Aliases written with diacritics, under their spelling without them.
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> unaccented_;
  // People's names and surnames under their NameSkeleton (FindVariant).
  absl::flat_hash_map<std::string, std::vector<AliasMatch>> skeletons_;
  // Two-word skeletons of people's names by their last part: the first
  // part and the match ("lakasanka" -> {"alaksandar", Lukashenko}).
  struct FirstPart {
    std::string first;
    AliasMatch match;
  };
  absl::flat_hash_map<std::string, std::vector<FirstPart>> by_last_skeleton_;
  // Skeletons of the given names of people's names: a one-word variant
  // that is one finds nothing.
  absl::flat_hash_set<std::string> given_skeletons_;
  absl::flat_hash_map<std::string, std::string> titles_;
  absl::flat_hash_set<std::string> government_titles_;
  absl::flat_hash_set<std::string> regnal_titles_;
  // Lower-case first word -> longest alias and title starting with it.
  absl::flat_hash_map<std::string, WordsFrom> words_from_;
  std::string version_;
};

}  // namespace claims

#endif  // CLAIMS_COMMON_KB_KNOWLEDGE_BASE_H_
