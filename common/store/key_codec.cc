#include "common/store/key_codec.h"

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "common/store/absl_compat.h"
#include "unicode/uchar.h"
#include "unicode/unistr.h"

namespace claims::store_internal {
namespace {

// First byte of every cursor; bump when the cursor payload changes.
constexpr char kCursorVersion = 1;
constexpr char kArticlePageTokenVersion = 2;

// A sort key ends with '\0' and a be32 ordinal.
constexpr size_t kSortKeyTail = 1 + 4;

std::string Prefixed(char prefix, std::string_view rest) {
  std::string key;
  key.reserve(1 + rest.size());
  key.push_back(prefix);
  key.append(rest);
  return key;
}

std::string PrefixedTerminated(char prefix, std::string_view id) {
  std::string key = Prefixed(prefix, id);
  key.push_back('\0');
  return key;
}

}  // namespace

void PutBigEndian32(std::string* dst, uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) {
    dst->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

void PutBigEndian64(std::string* dst, uint64_t v) {
  for (int shift = 56; shift >= 0; shift -= 8) {
    dst->push_back(static_cast<char>((v >> shift) & 0xff));
  }
}

uint32_t DecodeBigEndian32(std::string_view src) {
  uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v = (v << 8) | static_cast<uint8_t>(src[i]);
  return v;
}

uint64_t DecodeBigEndian64(std::string_view src) {
  uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v = (v << 8) | static_cast<uint8_t>(src[i]);
  return v;
}

std::string PrefixSuccessor(std::string_view prefix) {
  std::string s(prefix);
  while (!s.empty()) {
    auto& last = reinterpret_cast<unsigned char&>(s.back());
    if (last != 0xff) {
      ++last;
      return s;
    }
    s.pop_back();
  }
  return s;
}

KeyRange PrefixRange(std::string_view prefix) {
  return KeyRange{std::string(prefix), PrefixSuccessor(prefix)};
}

bool IsValidKeyId(std::string_view id) {
  return !id.empty() && id.find('\0') == std::string_view::npos;
}

std::string FormatVersionKey() {
  return Prefixed(kMetaPrefix, "format_version");
}
std::string SequenceKey() { return Prefixed(kMetaPrefix, "commit_sequence"); }

std::string LogPositionKey() { return Prefixed(kMetaPrefix, "log_position"); }

std::string ArticleKey(std::string_view article_id) {
  return Prefixed(kArticlePrefix, article_id);
}

std::string ClaimKey(std::string_view article_id, uint32_t ordinal) {
  std::string key = PrefixedTerminated(kClaimPrefix, article_id);
  PutBigEndian32(&key, ordinal);
  return key;
}

std::string ArticleClaimsPrefix(std::string_view article_id) {
  return PrefixedTerminated(kClaimPrefix, article_id);
}

std::string SortKey(std::string_view date10, std::string_view article_id,
                    uint32_t ordinal) {
  std::string key;
  key.reserve(kDateLength + article_id.size() + kSortKeyTail);
  key.append(date10);
  key.append(article_id);
  key.push_back('\0');
  PutBigEndian32(&key, ordinal);
  return key;
}

bool IsValidSortKey(std::string_view sort_key) {
  if (sort_key.size() < kDateLength + 1 + kSortKeyTail) return false;
  const size_t nul = sort_key.size() - kSortKeyTail;
  if (sort_key[nul] != '\0') return false;
  std::string_view id = sort_key.substr(kDateLength, nul - kDateLength);
  return IsValidKeyId(id);
}

std::string DateIndexPrefix(PeriodSpan span) {
  return {kDateIndexPrefix, static_cast<char>(span)};
}
std::string ActorIndexPrefix(std::string_view actor_id, PeriodSpan span) {
  std::string prefix = PrefixedTerminated(kActorIndexPrefix, actor_id);
  prefix.push_back(static_cast<char>(span));
  return prefix;
}
std::string TopicIndexPrefix(std::string_view topic, PeriodSpan span) {
  std::string prefix = PrefixedTerminated(kTopicIndexPrefix, topic);
  prefix.push_back(static_cast<char>(span));
  return prefix;
}

std::string EncodeIndexValue(std::string_view period_end,
                             std::string_view claim) {
  std::string value;
  value.reserve(kDateLength + claim.size());
  value.append(period_end);
  value.append(claim);
  return value;
}

std::optional<IndexValue> DecodeIndexValue(std::string_view value) {
  if (value.size() < kDateLength) return std::nullopt;
  return IndexValue{value.substr(0, kDateLength), value.substr(kDateLength)};
}

std::string ActorCountKey(std::string_view actor_id) {
  return Prefixed(kActorCountPrefix, actor_id);
}
std::string TopicCountKey(std::string_view topic) {
  return Prefixed(kTopicCountPrefix, topic);
}

std::string EncodeCount(uint64_t count) {
  std::string v;
  PutBigEndian64(&v, count);
  return v;
}

uint64_t DecodeCount(std::string_view value) {
  return value.size() == 8 ? DecodeBigEndian64(value) : 0;
}

std::string ActorRecordKey(std::string_view actor_id) {
  return Prefixed(kActorRecordPrefix, actor_id);
}

std::string IdentityKey(std::string_view form, std::string_view actor_id) {
  std::string key = PrefixedTerminated(kIdentityPrefix, form);
  key.append(actor_id);
  return key;
}

std::string IdentityPrefix(std::string_view form) {
  return PrefixedTerminated(kIdentityPrefix, form);
}

std::string IdentityStartsWithPrefix(std::string_view form_prefix) {
  return Prefixed(kIdentityPrefix, form_prefix);
}

std::string ActorContextKey(std::string_view actor_id) {
  return Prefixed(kActorContextPrefix, actor_id);
}

std::string AliasKey(std::string_view alias, std::string_view actor_id) {
  std::string key = PrefixedTerminated(kAliasPrefix, alias);
  key.append(actor_id);
  return key;
}

std::string AliasExactPrefix(std::string_view alias) {
  return PrefixedTerminated(kAliasPrefix, alias);
}

std::string AliasStartsWithPrefix(std::string_view alias_prefix) {
  return Prefixed(kAliasPrefix, alias_prefix);
}

std::string AffiliationKey(std::string_view country, std::string_view actor_id) {
  std::string key = PrefixedTerminated(kAffiliationPrefix, country);
  key.append(actor_id);
  return key;
}

std::string AffiliationPrefix(std::string_view country) {
  return PrefixedTerminated(kAffiliationPrefix, country);
}

std::optional<std::string> ActorIdFromAliasKey(std::string_view key) {
  if (key.empty() || key[0] != kAliasPrefix) return std::nullopt;
  const size_t nul = key.find('\0', 1);
  if (nul == std::string_view::npos || nul + 1 >= key.size()) {
    return std::nullopt;
  }
  return std::string(key.substr(nul + 1));
}

std::string ChangeKey(uint64_t sequence) {
  std::string key(1, kChangePrefix);
  PutBigEndian64(&key, sequence);
  return key;
}

std::string ArticleIndexesKey() {
  return Prefixed(kMetaPrefix, "article_indexes");
}

std::string ArticleDateKey(std::string_view date10,
                           std::string_view article_id) {
  std::string key(1, kArticleDatePrefix);
  key.append(date10);
  key.append(article_id);
  return key;
}

std::string ArticleHostKey(std::string_view host, std::string_view date10,
                           std::string_view article_id) {
  std::string key = PrefixedTerminated(kArticleHostPrefix, host);
  key.append(date10);
  key.append(article_id);
  return key;
}

std::string ArticleHostPrefix(std::string_view host) {
  return PrefixedTerminated(kArticleHostPrefix, host);
}

std::string ArticleUrlKey(std::string_view canonical_url,
                          std::string_view article_id) {
  std::string key = PrefixedTerminated(kArticleUrlPrefix, canonical_url);
  key.append(article_id);
  return key;
}

std::string ArticleUrlPrefix(std::string_view canonical_url) {
  return PrefixedTerminated(kArticleUrlPrefix, canonical_url);
}

std::string EncodeArticlePageToken(std::string_view date_and_id) {
  std::string raw(1, kArticlePageTokenVersion);
  raw.append(date_and_id);
  return absl::WebSafeBase64Escape(raw);
}

std::optional<std::string> DecodeArticlePageToken(std::string_view token) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(AbslView(token), &raw) ||
      raw.size() <= 1 + kDateLength || raw[0] != kArticlePageTokenVersion) {
    return std::nullopt;
  }
  return raw.substr(1);
}

std::string NormalizeAlias(std::string_view name) {
  std::string out;
  out.reserve(name.size());
  bool pending_space = false;
  bool ascii = true;
  for (char c : name) {
    if (absl::ascii_isspace(static_cast<unsigned char>(c)) || c == '\0') {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    ascii = ascii && static_cast<unsigned char>(c) < 0x80;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  if (ascii) return out;
  // Full Unicode case folding, so "ÉMILE" meets "émile" and "STRASSE"
  // meets "Straße".
  std::string folded;
  icu::UnicodeString::fromUTF8(icu::StringPiece(out.data(),
                                                static_cast<int32_t>(out.size())))
      .foldCase(U_FOLD_CASE_DEFAULT)
      .toUTF8String(folded);
  return folded;
}

std::string EncodeCursor(std::string_view sort_key) {
  std::string raw;
  raw.reserve(1 + sort_key.size());
  raw.push_back(kCursorVersion);
  raw.append(sort_key);
  return absl::WebSafeBase64Escape(raw);
}

std::optional<std::string> DecodeCursor(std::string_view cursor) {
  std::string raw;
  if (!absl::WebSafeBase64Unescape(AbslView(cursor), &raw) || raw.empty() ||
      raw[0] != kCursorVersion) {
    return std::nullopt;
  }
  std::string sort_key = raw.substr(1);
  if (!IsValidSortKey(sort_key)) return std::nullopt;
  return sort_key;
}

}  // namespace claims::store_internal
