#include "common/log/record.h"

#include <openssl/evp.h>
#include <zstd.h>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"

namespace claims::logrec {

using claims::storage::v1::LogRecord;
using claims::v1::AnalyzeResponse;

namespace {

// Level 3 is zstd's default: most of the gain at a small CPU cost.
constexpr int kZstdLevel = 3;
// A decompressed payload larger than this is refused (the extractor takes
// bodies up to a few MiB; claims add a small multiple).
constexpr size_t kMaxPayloadBytes = 256u << 20;

}  // namespace

std::string Digest(std::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  return std::string(reinterpret_cast<const char*>(digest), len);
}

std::string Hex(std::string_view bytes) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (unsigned char c : bytes) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

std::string ArticleKey(std::string_view article_id) {
  return Hex(Digest(article_id)).substr(0, 16);
}

uint32_t ShardOf(std::string_view article_id, uint32_t shards) {
  if (shards <= 1) return 0;
  const std::string d = Digest(article_id);
  uint64_t h = 0;
  for (int i = 0; i < 8; ++i) h = (h << 8) | static_cast<unsigned char>(d[i]);
  return static_cast<uint32_t>(h % shards);
}

absl::StatusOr<LogRecord> MakePut(const AnalyzeResponse& analysis) {
  AnalyzeResponse trimmed;
  *trimmed.mutable_article() = analysis.article();
  *trimmed.mutable_claims() = analysis.claims();
  *trimmed.mutable_actors() = analysis.actors();
  const std::string raw = trimmed.SerializeAsString();
  std::string compressed(ZSTD_compressBound(raw.size()), '\0');
  const size_t n = ZSTD_compress(compressed.data(), compressed.size(),
                                 raw.data(), raw.size(), kZstdLevel);
  if (ZSTD_isError(n)) {
    return absl::InternalError(
        absl::StrCat("zstd: ", ZSTD_getErrorName(n)));
  }
  compressed.resize(n);
  LogRecord record;
  record.set_kind(LogRecord::PUT);
  record.set_format(kFormat);
  record.set_article_id(analysis.article().article().id());
  record.set_content_hash(analysis.article().content_hash());
  record.set_extractor_version(analysis.article().extractor_version());
  record.set_claim_count(static_cast<uint32_t>(analysis.claims_size()));
  record.set_compression(kZstd);
  record.set_payload(std::move(compressed));
  return record;
}

LogRecord MakeDelete(std::string_view article_id) {
  LogRecord record;
  record.set_kind(LogRecord::DELETE);
  record.set_format(kFormat);
  record.set_article_id(std::string(article_id));
  return record;
}

LogRecord MakeGenesis(uint32_t shard, uint32_t shards) {
  LogRecord record;
  record.set_kind(LogRecord::GENESIS);
  record.set_format(kFormat);
  record.set_shard(shard);
  record.set_shard_count(shards);
  record.set_writer_seq(0);
  return record;
}

std::string Encode(const LogRecord& record) {
  std::string out;
  record.SerializeToString(&out);
  return out;
}

absl::StatusOr<LogRecord> Decode(std::string_view data) {
  LogRecord record;
  if (!record.ParseFromArray(data.data(), static_cast<int>(data.size()))) {
    return absl::DataLossError("log entry is not a LogRecord");
  }
  if (record.format() != kFormat) {
    return absl::DataLossError(
        absl::StrCat("log record format ", record.format(), " is not ",
                     kFormat, " (a newer writer?)"));
  }
  if (record.kind() == LogRecord::KIND_UNSPECIFIED) {
    return absl::DataLossError("log record without a kind");
  }
  return record;
}

absl::StatusOr<AnalyzeResponse> Payload(const LogRecord& record) {
  if (record.compression() != kZstd) {
    return absl::DataLossError(
        absl::StrCat("unknown log compression ", record.compression()));
  }
  const std::string& in = record.payload();
  const unsigned long long size =
      ZSTD_getFrameContentSize(in.data(), in.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN ||
      size > kMaxPayloadBytes) {
    return absl::DataLossError("log payload: bad zstd frame");
  }
  std::string raw(static_cast<size_t>(size), '\0');
  const size_t n = ZSTD_decompress(raw.data(), raw.size(), in.data(), in.size());
  if (ZSTD_isError(n) || n != raw.size()) {
    return absl::DataLossError("log payload does not decompress");
  }
  AnalyzeResponse analysis;
  if (!analysis.ParseFromString(raw)) {
    return absl::DataLossError("log payload does not parse");
  }
  return analysis;
}

}  // namespace claims::logrec
