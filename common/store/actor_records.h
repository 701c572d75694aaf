// Actor records and the alias index: writing them with an article, and the
// name variants a lookup tries.
//
// Actors outlive the articles that introduced them (they are knowledge, not
// claims): a delete leaves them, and only claim counts say whether an actor
// is still named anywhere.
#ifndef CLAIMS_COMMON_STORE_ACTOR_RECORDS_H_
#define CLAIMS_COMMON_STORE_ACTOR_RECORDS_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "claims/v1/claims.pb.h"

namespace rocksdb {
class DB;
class WriteBatch;
}  // namespace rocksdb

namespace claims::store_internal {

// Adds to `batch` the actor records of `analysis.actors()` merged with what
// is stored (aliases are unioned; non-empty new fields win), and records for
// actors that claims refer to but `actors()` omits (these only fill gaps),
// with alias index entries for every id, name and alias. Records that would
// not change are not rewritten.
absl::Status WriteActorRecords(rocksdb::DB* db,
                               const claims::v1::AnalyzeResponse& analysis,
                               rocksdb::WriteBatch* batch);

// The stored record of `actor_id`; NOT_FOUND when absent.
absl::StatusOr<claims::v1::Actor> ReadActorRecord(rocksdb::DB* db,
                                                  std::string_view actor_id);

// Normalized aliases to look up for `name`, most literal first: the name
// itself, without a possessive "'s", and with leading titles and honorifics
// ("Mr", "Prime Minister", "the", "former") stripped one after another.
std::vector<std::string> AliasLookupCandidates(std::string_view name);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_ACTOR_RECORDS_H_
