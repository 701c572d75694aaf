// Key codec of the claim database: every key the store writes is built and
// parsed here, and nowhere else.
//
// One column family; the first byte of a key says what it is. Integers are
// fixed-width big-endian so byte order is numeric order. Ids never contain
// '\0' (the writer rejects or skips them), so '\0' ends a variable-length
// component and a shorter id sorts before any id it is a prefix of.
//
//   'M' name                         meta: format version ("2"), commit
//                                    sequence (be64)
//   'A' article_id                   ArticleRecord
//   'C' article_id '\0' be32(ord)    claims.v1.Claim              ("claim key")
//   'D' span sort_key                all-claims date index
//   'E' actor_id '\0' span sort_key  index by actor id
//   'T' topic '\0' span sort_key     index by topic and each ancestor path
//   'c' actor_id                     claim count of an actor (be64)
//   't' topic                        claim count of a topic path (be64)
//   'R' actor_id                     claims.v1.Actor (aliases merged)
//   'L' lower(alias) '\0' actor_id   alias index (empty value)
//   'K' country '\0' actor_id        actors affiliated with a country
//                                    (ISO 3166-1 alpha-3; empty value)
//   'F' be64(sequence)               change feed: ChangeRecord
//   'P' date10 article_id            articles by effective publication
//                                    date (empty value)
//   'H' host '\0' date10 article_id  articles by URL host (empty value)
//   'U' canonical_url '\0' article_id articles by canonical URL (empty
//                                    value)
//
// sort_key = date10 article_id '\0' be32(ord), where date10 is the claim's
// effective date as "YYYY-MM-DD" (start of its period; "0000-00-00" when
// unknown). A sort key orders claims by date, then article id, then position,
// and the claim key is 'C' followed by the sort key without its date.
//
// span is one byte, the length class of the claim's effective period (see
// PeriodSpan): each index is three date-ordered partitions, so a date-range
// scan starts each partition only as far before the range as its longest
// period reaches (a day, a month, a year) and merges them.
//
// Index entries are covering: the value is the end of the claim's period
// (date10, exclusive; "0000-00-00" when unknown) followed by the serialized
// claims.v1.Claim, so a scan reads claims in index order with no point read
// and streams their stored bytes as they are.
//
// Cursors handed to clients are web-safe base64 of a version byte and a sort
// key: they do not depend on which index served the scan.
//
// DO NOT CHANGE prefixes or layouts: they are embedded in on-disk data. A
// change needs a new kFormatVersion.
#ifndef CLAIMS_COMMON_STORE_KEY_CODEC_H_
#define CLAIMS_COMMON_STORE_KEY_CODEC_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace claims::store_internal {

// On-disk format version, stored under kFormatVersionKey and checked at open.
inline constexpr std::string_view kFormatVersion = "2";

// Key prefixes. DO NOT CHANGE: embedded in on-disk data.
inline constexpr char kMetaPrefix = 'M';
inline constexpr char kArticlePrefix = 'A';
inline constexpr char kClaimPrefix = 'C';
inline constexpr char kDateIndexPrefix = 'D';
inline constexpr char kActorIndexPrefix = 'E';
inline constexpr char kTopicIndexPrefix = 'T';
inline constexpr char kActorCountPrefix = 'c';
inline constexpr char kTopicCountPrefix = 't';
inline constexpr char kActorRecordPrefix = 'R';
inline constexpr char kAliasPrefix = 'L';
inline constexpr char kAffiliationPrefix = 'K';
inline constexpr char kChangePrefix = 'F';
inline constexpr char kArticleDatePrefix = 'P';
inline constexpr char kArticleHostPrefix = 'H';
inline constexpr char kArticleUrlPrefix = 'U';
// Cross-article identity (actor_identity.h): folded name forms -> actor id,
// and the actors each discovered actor was named with.
inline constexpr char kIdentityPrefix = 'I';
inline constexpr char kActorContextPrefix = 'J';

// Length of the date part of a sort key ("YYYY-MM-DD").
inline constexpr size_t kDateLength = 10;
inline constexpr std::string_view kUnknownDate = "0000-00-00";

// Length class of a claim's effective period, a key component of every
// index entry. DO NOT CHANGE the values: embedded in on-disk data.
enum class PeriodSpan : char {
  kDay = 'd',    // one day, or no date
  kMonth = 'm',  // up to 31 days
  kYear = 'y',   // up to a year and a day
};
inline constexpr PeriodSpan kPeriodSpans[] = {
    PeriodSpan::kDay, PeriodSpan::kMonth, PeriodSpan::kYear};

// --- Integers ---------------------------------------------------------------

void PutBigEndian32(std::string* dst, uint32_t v);
void PutBigEndian64(std::string* dst, uint64_t v);
// `src` must hold at least 4 (8) bytes.
uint32_t DecodeBigEndian32(std::string_view src);
uint64_t DecodeBigEndian64(std::string_view src);

// --- Ranges -----------------------------------------------------------------

// The smallest key greater than every key starting with `prefix` ("" when
// there is none, i.e. the prefix is all 0xff): the exclusive upper bound of
// a prefix scan.
std::string PrefixSuccessor(std::string_view prefix);

// [lower, upper) holding exactly the keys that start with a prefix.
struct KeyRange {
  std::string lower;
  std::string upper;
};
KeyRange PrefixRange(std::string_view prefix);

// --- Keys -------------------------------------------------------------------

// True if `id` can be embedded in a key (non-empty, no '\0').
bool IsValidKeyId(std::string_view id);

std::string FormatVersionKey();
std::string SequenceKey();
// Replicated mode: the replica's position in the log (a LogPosition).
std::string LogPositionKey();

std::string ArticleKey(std::string_view article_id);

std::string ClaimKey(std::string_view article_id, uint32_t ordinal);
// Prefix of all claim keys of one article.
std::string ArticleClaimsPrefix(std::string_view article_id);

// `date10` must be kDateLength bytes.
std::string SortKey(std::string_view date10, std::string_view article_id,
                    uint32_t ordinal);
// A well-formed sort key: date10, non-empty id, '\0', be32.
bool IsValidSortKey(std::string_view sort_key);

// Index key prefixes of one span partition; an index key is prefix + sort
// key.
std::string DateIndexPrefix(PeriodSpan span);
std::string ActorIndexPrefix(std::string_view actor_id, PeriodSpan span);
std::string TopicIndexPrefix(std::string_view topic, PeriodSpan span);

// The value of an index entry: the claim's period end and its bytes.
struct IndexValue {
  std::string_view period_end;  // date10, exclusive; kUnknownDate if none
  std::string_view claim;       // serialized claims.v1.Claim
};
// `period_end` must be kDateLength bytes.
std::string EncodeIndexValue(std::string_view period_end,
                             std::string_view claim);
// nullopt for a value too short to hold a period end.
std::optional<IndexValue> DecodeIndexValue(std::string_view value);

std::string ActorCountKey(std::string_view actor_id);
std::string TopicCountKey(std::string_view topic);
std::string EncodeCount(uint64_t count);
// 0 for a malformed value.
uint64_t DecodeCount(std::string_view value);

std::string ActorRecordKey(std::string_view actor_id);

// `alias` must already be normalized (see NormalizeAlias).
std::string AliasKey(std::string_view alias, std::string_view actor_id);
// Keys of every actor id under exactly this alias.
std::string AliasExactPrefix(std::string_view alias);
// Keys of every alias starting with `alias_prefix`.
std::string AliasStartsWithPrefix(std::string_view alias_prefix);
// The actor id of an alias key; nullopt when malformed.
std::optional<std::string> ActorIdFromAliasKey(std::string_view key);

// `form` is a folded name form ("name:jane smithfield", "surname:smithfield").
std::string IdentityKey(std::string_view form, std::string_view actor_id);
// Keys of every actor id under exactly this form.
std::string IdentityPrefix(std::string_view form);
// Keys of every form starting with `form_prefix`.
std::string IdentityStartsWithPrefix(std::string_view form_prefix);
std::string ActorContextKey(std::string_view actor_id);

std::string AffiliationKey(std::string_view country, std::string_view actor_id);
// Keys of every actor affiliated with `country`.
std::string AffiliationPrefix(std::string_view country);

std::string ChangeKey(uint64_t sequence);

// --- Article indexes ----------------------------------------------------
// Written with each article (in its record's index_keys, so a replace or
// delete removes them exactly). Databases written before these indexes get
// them at the writer's next open; ArticleIndexesKey marks that done.

std::string ArticleIndexesKey();
// `date10` must be kDateLength bytes (kUnknownDate when the article has no
// date).
std::string ArticleDateKey(std::string_view date10, std::string_view article_id);
std::string ArticleHostKey(std::string_view host, std::string_view date10,
                           std::string_view article_id);
// Keys of every article from `host`.
std::string ArticleHostPrefix(std::string_view host);
std::string ArticleUrlKey(std::string_view canonical_url,
                          std::string_view article_id);
// Keys of every article stored from `canonical_url`.
std::string ArticleUrlPrefix(std::string_view canonical_url);

// ListArticles page tokens: web-safe base64 of a version byte and the
// position (date10 article_id) the next page starts before.
std::string EncodeArticlePageToken(std::string_view date_and_id);
// nullopt for anything EncodeArticlePageToken did not produce.
std::optional<std::string> DecodeArticlePageToken(std::string_view token);

// Case-fold (Unicode full folding), trim and collapse runs of ASCII
// whitespace: the form aliases are indexed and looked up in.
std::string NormalizeAlias(std::string_view name);

// --- Cursors ----------------------------------------------------------------

std::string EncodeCursor(std::string_view sort_key);
// nullopt for anything EncodeCursor did not produce.
std::optional<std::string> DecodeCursor(std::string_view cursor);

}  // namespace claims::store_internal

#endif  // CLAIMS_COMMON_STORE_KEY_CODEC_H_
