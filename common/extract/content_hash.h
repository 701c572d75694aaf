// Content hashing for article ids and StoredArticle.content_hash (SHA-256
// from OpenSSL's libcrypto, already a dependency of gRPC).
#ifndef CLAIMS_COMMON_EXTRACT_CONTENT_HASH_H_
#define CLAIMS_COMMON_EXTRACT_CONTENT_HASH_H_

#include <string>
#include "absl/strings/string_view.h"

#include "claims/v1/claims.pb.h"

namespace claims {

// Lower-case hex SHA-256 of `data`.
std::string Sha256Hex(absl::string_view data);

// Hex SHA-256 of the article's normalized content: title, authors,
// published, url and body (line endings normalized to "\n"), each
// length-prefixed so field boundaries cannot collide. The client id is not
// part of it.
std::string ArticleContentHash(const claims::v1::Article& article);

// Id derived from the content hash when the client gave none.
std::string DerivedArticleId(absl::string_view content_hash);

}  // namespace claims

#endif  // CLAIMS_COMMON_EXTRACT_CONTENT_HASH_H_
