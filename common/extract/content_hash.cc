#include "common/extract/content_hash.h"

#include <openssl/evp.h>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"

namespace claims {

std::string Sha256Hex(absl::string_view data) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), digest, &len, EVP_sha256(), nullptr);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(len * 2);
  for (unsigned int i = 0; i < len; ++i) {
    out.push_back(kHex[digest[i] >> 4]);
    out.push_back(kHex[digest[i] & 15]);
  }
  return out;
}

std::string ArticleContentHash(const claims::v1::Article& article) {
  std::string data;
  auto field = [&](absl::string_view name, absl::string_view value) {
    absl::StrAppend(&data, name, ":", value.size(), ":", value, "\n");
  };
  field("title", article.title());
  for (const auto& a : article.authors()) field("author", a);
  field("published", article.published());
  field("url", article.url());
  field("body", absl::StrReplaceAll(article.body(), {{"\r\n", "\n"}}));
  return Sha256Hex(data);
}

std::string DerivedArticleId(absl::string_view content_hash) {
  return std::string(content_hash.substr(0, 24));
}

}  // namespace claims
