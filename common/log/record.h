// Log records: how an extraction result travels on the replicated log.
//
// Entry data is a serialized claims.storage.v1.LogRecord (records.proto):
// the kind, the shard, the writer's sequence, the SHA-256 of the previous
// entry's data (a hash chain), the article id, content hash and extractor
// version in clear (so a writer can tell "unchanged" without decompressing)
// and a zstd-compressed AnalyzeResponse holding only the stored article, its
// claims and actors. Position 1 of every shard is a GENESIS record (writer
// sequence 0): JetStream cannot express "expect an empty stream", so every
// later append can be guarded by the previous position.
//
// Entry keys are the first 16 hex digits of SHA-256(article id): any id
// becomes a valid subject token, and one key per article lets a writer read
// the article's latest version directly.
#ifndef CLAIMS_COMMON_LOG_RECORD_H_
#define CLAIMS_COMMON_LOG_RECORD_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "claims/storage/v1/records.pb.h"
#include "claims/v1/claims.pb.h"

namespace claims::logrec {

// DO NOT CHANGE: embedded in the log.
inline constexpr uint32_t kFormat = 1;
inline constexpr uint32_t kZstd = 1;
inline constexpr char kGenesisKey[] = "genesis";

// Raw 32-byte SHA-256 of `data`.
std::string Digest(std::string_view data);
// Lower-case hex of `bytes`.
std::string Hex(std::string_view bytes);

// The entry key of an article, and the shard it lives in.
std::string ArticleKey(std::string_view article_id);
uint32_t ShardOf(std::string_view article_id, uint32_t shards);

// A PUT record for `analysis` (its sentences, mentions and timexes are left
// out); writer_seq and prev_digest are the caller's to set.
absl::StatusOr<claims::storage::v1::LogRecord> MakePut(
    const claims::v1::AnalyzeResponse& analysis);
claims::storage::v1::LogRecord MakeDelete(std::string_view article_id);
claims::storage::v1::LogRecord MakeGenesis(uint32_t shard, uint32_t shards);

std::string Encode(const claims::storage::v1::LogRecord& record);
// DATA_LOSS when `data` is not a record of a known format.
absl::StatusOr<claims::storage::v1::LogRecord> Decode(std::string_view data);
// The AnalyzeResponse of a PUT record; DATA_LOSS when it does not
// decompress or parse.
absl::StatusOr<claims::v1::AnalyzeResponse> Payload(
    const claims::storage::v1::LogRecord& record);

}  // namespace claims::logrec

#endif  // CLAIMS_COMMON_LOG_RECORD_H_
