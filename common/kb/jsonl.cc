#include "common/kb/jsonl.h"

#include <cstdint>
#include <fstream>
#include <memory>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/util/json_util.h"

namespace claims::kb {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Appends code point `cp` to `out` as UTF-8.
void AppendUtf8(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsValidUtf8(absl::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    size_t extra;
    if (c < 0x80) {
      extra = 0;
    } else if (c >= 0xC2 && c <= 0xDF) {
      extra = 1;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
    } else if (c >= 0xF0 && c <= 0xF4) {
      extra = 3;
    } else {
      return false;
    }
    if (i + extra >= s.size() && extra > 0) return false;
    for (size_t k = 1; k <= extra; ++k) {
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    }
    i += extra + 1;
  }
  return true;
}

// Fills a message from one line of the JSON the data files use: an object
// whose values are strings, integers, booleans, null, nested objects or
// arrays of those, with keys that are field names or JSON names. It is the
// fast path (protobuf's converter costs about 20 µs a line, and the
// gazetteer has tens of thousands); anything it does not accept returns
// false, and the caller hands the line to protobuf's converter, which
// decides and words the error.
class FastJsonParser {
 public:
  explicit FastJsonParser(absl::string_view s) : s_(s) {}

  bool Parse(Message* m) {
    SkipSpace();
    if (!ParseObject(m)) return false;
    SkipSpace();
    return pos_ == s_.size();
  }

 private:
  bool ParseObject(Message* m) {
    if (!Consume('{')) return false;
    SkipSpace();
    if (Consume('}')) return true;
    const Descriptor* d = m->GetDescriptor();
    const Reflection* r = m->GetReflection();
    std::string key;
    while (true) {
      SkipSpace();
      if (!ParseString(&key)) return false;
      SkipSpace();
      if (!Consume(':')) return false;
      SkipSpace();
      const FieldDescriptor* f = d->FindFieldByName(key);
      for (int i = 0; f == nullptr && i < d->field_count(); ++i) {
        if (d->field(i)->json_name() == key) f = d->field(i);  // "formerIds"
      }
      if (f == nullptr || !ParseField(m, r, f)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      return Consume('}');
    }
  }

  bool ParseField(Message* m, const Reflection* r, const FieldDescriptor* f) {
    if (Literal("null")) return true;  // the field keeps its default
    if (!f->is_repeated()) return ParseOne(m, r, f);
    if (!Consume('[')) return false;
    SkipSpace();
    if (Consume(']')) return true;
    while (true) {
      SkipSpace();
      if (!ParseOne(m, r, f)) return false;
      SkipSpace();
      if (Consume(',')) continue;
      return Consume(']');
    }
  }

  // One value of field `f` (an element, if repeated).
  bool ParseOne(Message* m, const Reflection* r, const FieldDescriptor* f) {
    const bool rep = f->is_repeated();
    switch (f->cpp_type()) {
      case FieldDescriptor::CPPTYPE_STRING: {
        if (f->type() != FieldDescriptor::TYPE_STRING) return false;  // bytes
        std::string v;
        if (!ParseString(&v)) return false;
        rep ? r->AddString(m, f, std::move(v)) : r->SetString(m, f, std::move(v));
        return true;
      }
      case FieldDescriptor::CPPTYPE_BOOL: {
        bool v;
        if (Literal("true")) {
          v = true;
        } else if (Literal("false")) {
          v = false;
        } else {
          return false;
        }
        rep ? r->AddBool(m, f, v) : r->SetBool(m, f, v);
        return true;
      }
      case FieldDescriptor::CPPTYPE_INT64:
      case FieldDescriptor::CPPTYPE_INT32: {
        int64_t v;
        if (!ParseInteger(&v)) return false;
        if (f->cpp_type() == FieldDescriptor::CPPTYPE_INT64) {
          rep ? r->AddInt64(m, f, v) : r->SetInt64(m, f, v);
          return true;
        }
        if (v < INT32_MIN || v > INT32_MAX) return false;
        rep ? r->AddInt32(m, f, static_cast<int32_t>(v))
            : r->SetInt32(m, f, static_cast<int32_t>(v));
        return true;
      }
      case FieldDescriptor::CPPTYPE_MESSAGE:
        return ParseObject(rep ? r->AddMessage(m, f) : r->MutableMessage(m, f));
      default:
        return false;  // enums, floats, unsigned: not in our schemas
    }
  }

  // A JSON integer, bare or quoted (as protobuf writes 64-bit integers).
  bool ParseInteger(int64_t* v) {
    const bool quoted = Consume('"');
    const size_t start = pos_;
    if (pos_ < s_.size() && s_[pos_] == '-') ++pos_;
    while (pos_ < s_.size() && absl::ascii_isdigit(static_cast<unsigned char>(s_[pos_]))) {
      ++pos_;
    }
    if (!absl::SimpleAtoi(s_.substr(start, pos_ - start), v)) return false;
    return !quoted || Consume('"');
  }

  bool ParseString(std::string* out) {
    out->clear();
    if (!Consume('"')) return false;
    while (pos_ < s_.size()) {
      const char c = s_[pos_++];
      if (c == '"') return true;
      if (static_cast<unsigned char>(c) < 0x20) return false;
      if (c != '\\') {
        out->push_back(c);
        continue;
      }
      if (pos_ >= s_.size()) return false;
      const char e = s_[pos_++];
      switch (e) {
        case '"': case '\\': case '/': out->push_back(e); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          uint32_t cp;
          if (!Hex4(&cp)) return false;
          if (cp >= 0xD800 && cp < 0xDC00) {  // surrogate pair
            uint32_t lo;
            if (!Consume('\\') || !Consume('u') || !Hex4(&lo) || lo < 0xDC00 ||
                lo > 0xDFFF) {
              return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            return false;
          }
          AppendUtf8(cp, out);
          break;
        }
        default:
          return false;
      }
    }
    return false;
  }

  bool Hex4(uint32_t* cp) {
    if (pos_ + 4 > s_.size()) return false;
    *cp = 0;
    for (int i = 0; i < 4; ++i) {
      const char c = s_[pos_++];
      *cp <<= 4;
      if (c >= '0' && c <= '9') *cp |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f') *cp |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F') *cp |= static_cast<uint32_t>(c - 'A' + 10);
      else return false;
    }
    return true;
  }

  bool Literal(absl::string_view word) {
    if (!absl::StartsWith(s_.substr(pos_), word)) return false;
    pos_ += word.size();
    return true;
  }
  bool Consume(char c) {
    if (pos_ < s_.size() && s_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }
  void SkipSpace() {
    while (pos_ < s_.size() && (s_[pos_] == ' ' || s_[pos_] == '\t' ||
                                s_[pos_] == '\r' || s_[pos_] == '\n')) {
      ++pos_;
    }
  }

  absl::string_view s_;
  size_t pos_ = 0;
};

}  // namespace

absl::Status ParseJsonLine(absl::string_view json, google::protobuf::Message* message) {
  message->Clear();
  if (IsValidUtf8(json) && FastJsonParser(json).Parse(message)) {
    return absl::OkStatus();
  }
  message->Clear();
  google::protobuf::util::JsonParseOptions options;
  options.ignore_unknown_fields = false;
  auto status = google::protobuf::util::JsonStringToMessage(
      std::string(json), message, options);
  if (!status.ok()) return absl::InvalidArgumentError(status.ToString());
  return absl::OkStatus();
}

absl::Status ReadJsonLines(
    const std::string& path, const google::protobuf::Message& prototype,
    const std::function<absl::Status(const google::protobuf::Message&, int)>&
        on_line) {
  std::ifstream in(path);
  if (!in) return absl::NotFoundError(absl::StrCat("cannot open ", path));
  std::string line;
  int number = 0;
  std::unique_ptr<google::protobuf::Message> msg(prototype.New());
  while (std::getline(in, line)) {
    ++number;
    absl::string_view view = absl::StripAsciiWhitespace(line);
    if (view.empty() || absl::StartsWith(view, "#") ||
        absl::StartsWith(view, "//")) {
      continue;
    }
    absl::Status status = ParseJsonLine(view, msg.get());
    if (!status.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", status.message()));
    }
    absl::Status s = on_line(*msg, number);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat(path, ":", number, ": ", s.message()));
    }
  }
  return absl::OkStatus();
}

}  // namespace claims::kb
