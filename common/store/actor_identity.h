// One identity across articles for actors the extractor discovered in the
// text (people and organisations not in the knowledge base, whose ids are
// the extractor's slug of the name it saw: "smithfield" for "Ms
// Smithfield").
//
// When an article is stored, each discovered person or organisation is
// matched against the actors stored before it, by folded name forms (case,
// accents, transliteration and punctuation folded: "Fatima al-Rashidi" =
// "Fatima Al Rashidi"):
//   * a full name joins the one stored actor of that full name, or else of
//     that name in another romanisation ("Aleksei" = "Alexei" = "Alexey",
//     "Hnatyuk" = "Hnatiuk"; surnames alike) or with the given name's short
//     or full form ("Tim Weah" = "Timothy Weah"), or of the same names in
//     another order ("Kyagulanyi Ssentamu Robert", as ballots and official
//     lists write "Robert Kyagulanyi Ssentamu"), or else the one of that
//     first and last name with other names between ("Rosario Macaraeg" =
//     "Rosario B. Macaraeg"), or else the one of that surname whose given
//     name is the initial written, or begins with it ("S. Thangavelu" =
//     "Selvaraj Thangavelu"), or with the short form written, of four
//     letters or more ("Chris Barnard" = "Christiaan Barnard");
//   * a surname alone ("Smithfield", "Ms Smithfield", "Al-Rashidi") joins
//     the one stored person of that surname; several are told apart only by
//     the actors named with them (shared co-occurring actors), never by
//     chance; a known gender (from "Mr"/"Ms" forms) must agree;
//   * an acronym ("RTA") joins the one stored organisation whose initials
//     it is ("Riverside Tenants' Alliance") or that an article gave it
//     ("Anti-Corruption Foundation (FBK)"); an organisation is also found
//     by its name without its legal form ("Hadiwijaya Sawit Lestari" of
//     "PT Hadiwijaya Sawit Lestari", "Buna Green Export" of "Buna Green
//     Export P.L.C."), and by a shorter name that leaves words out, when
//     one of its words is no word of the language ("Minera Tambopata" of
//     "Minera Aurífera Tambopata S.A.C."), but a name of two words or more
//     is not the organisation of that name and a head noun ("Niels Bohr",
//     "Niels Bohr Institute": named for him);
//   * a short form the tagger gave the other type, found under none of its
//     own type's forms, joins the one discovered actor of the other type
//     it is a short form of: "Nordhav" (as a person) the organisation whose
//     name is or begins with it ("Nordhav Line"), "Quispe Huaman" (as an
//     organisation) the person of that surname of two or more words
//     ("Julio Quispe Huaman"). The form must be name-like (not only words
//     of the language: "National" joins nothing), and no other actor may go
//     by it. The stored actor's type wins, also over an article that
//     gives an actor stored under the same id the other type.
//   * a name the tagger took for a place no knowledge base lists joins
//     the one discovered organisation of that acronym ("The FBK"), or the
//     one discovered person or organisation of that surname or name that
//     was named with an actor this article names too ("said Darko-Mensah").
// Anything ambiguous keeps the extractor's id: a split, never a wrong merge.
//
// Store-internal; called by ClaimStore under its write lock.
#ifndef CLAIMS_COMMON_STORE_ACTOR_IDENTITY_H_
#define CLAIMS_COMMON_STORE_ACTOR_IDENTITY_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace rocksdb {
class DB;
class WriteBatch;
}  // namespace rocksdb

namespace claims::store_internal {

// ASCII transliteration in lower case, every run of non-alphanumerics one
// space: "Lech Wałęsa" -> "lech walesa", "Tenants' Alliance" -> "tenants
// alliance".
std::string FoldName(std::string_view name);

// True for a person or organisation the extractor discovered rather than
// found in the knowledge base: it has neither country nor role (every
// knowledge-base person and organisation has one).
bool IsDiscovered(const claims::v1::Actor& actor);

// True when `alias` may be stored as a global alias of `actor`: not a role
// phrase ("the prime minister"), pronoun, quantifier ("both leaders") or,
// for a person, the given name alone ("Benjamin").
bool IsGlobalAlias(const claims::v1::Actor& actor, std::string_view alias);

// The stored actor an article's actor is.
struct StoredIdentity {
  std::string id;
  std::string name;
  claims::v1::ActorType type = claims::v1::ACTOR_TYPE_UNSPECIFIED;
};
// Article actor id -> stored identity, for the actors that change id (or
// only type: a discovered actor stored under its id as the other type).
using IdentityMap = std::map<std::string, StoredIdentity>;

// Matches the discovered actors of `analysis` against the stored ones (see
// above). Errors are RocksDB read errors.
absl::StatusOr<IdentityMap> MatchStoredActors(
    rocksdb::DB* db, const claims::v1::AnalyzeResponse& analysis);

// Rewrites `analysis` to the stored identities: actor records (the stored
// name and type stay, the article's name becomes an alias), mentions and
// the subjects, objects and participants of claims.
void ApplyIdentities(const IdentityMap& identities,
                     claims::v1::AnalyzeResponse* analysis);

// Adds to `batch` the name-form index entries of the actors of `analysis`
// and, for discovered ones, the actors named with them.
absl::Status WriteIdentityRecords(rocksdb::DB* db,
                                  const claims::v1::AnalyzeResponse& analysis,
                                  rocksdb::WriteBatch* batch);

// Folded name forms an actor is found under ("name:jane smithfield",
// "surname:smithfield", "acronym:rta"); exposed for tests.
std::vector<std::string> IdentityForms(const claims::v1::Actor& actor);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_ACTOR_IDENTITY_H_
