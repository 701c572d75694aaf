#include "tests/reflection/reflection_client.h"

#include <google/protobuf/descriptor.pb.h>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/generic/generic_stub.h>

#include <set>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "grpc/reflection/v1alpha/reflection.grpc.pb.h"

namespace claims::testing {
namespace {

namespace rpb = grpc::reflection::v1alpha;

absl::Status FromGrpc(const grpc::Status& status) {
  return absl::Status(static_cast<absl::StatusCode>(status.error_code()),
                      status.error_message());
}

// One request/response exchange on a new reflection stream.
absl::StatusOr<rpb::ServerReflectionResponse> Ask(
    grpc::Channel* channel, const rpb::ServerReflectionRequest& request) {
  auto stub = rpb::ServerReflection::NewStub(
      std::shared_ptr<grpc::Channel>(channel, [](grpc::Channel*) {}));
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(10));
  auto stream = stub->ServerReflectionInfo(&context);
  rpb::ServerReflectionResponse response;
  bool answered = stream->Write(request) && stream->Read(&response);
  stream->WritesDone();
  grpc::Status status = stream->Finish();
  if (!status.ok()) return FromGrpc(status);
  if (!answered) return absl::UnavailableError("reflection stream ended early");
  if (response.has_error_response()) {
    return absl::Status(
        static_cast<absl::StatusCode>(response.error_response().error_code()),
        response.error_response().error_message());
  }
  return response;
}

}  // namespace

ReflectionClient::ReflectionClient(std::shared_ptr<grpc::Channel> channel)
    : channel_(std::move(channel)) {}

absl::StatusOr<std::vector<std::string>> ReflectionClient::ListServices() {
  rpb::ServerReflectionRequest request;
  request.set_list_services("");
  absl::StatusOr<rpb::ServerReflectionResponse> response =
      Ask(channel_.get(), request);
  if (!response.ok()) return response.status();
  std::vector<std::string> names;
  for (const auto& service : response->list_services_response().service()) {
    names.push_back(service.name());
  }
  return names;
}

absl::Status ReflectionClient::Fetch(const std::string& name, bool is_file) {
  rpb::ServerReflectionRequest request;
  if (is_file) {
    request.set_file_by_filename(name);
  } else {
    request.set_file_containing_symbol(name);
  }
  absl::StatusOr<rpb::ServerReflectionResponse> response =
      Ask(channel_.get(), request);
  if (!response.ok()) {
    return absl::Status(response.status().code(),
                        absl::StrCat(name, ": ", response.status().message()));
  }
  std::set<std::string> imports;
  for (const std::string& bytes :
       response->file_descriptor_response().file_descriptor_proto()) {
    google::protobuf::FileDescriptorProto file;
    if (!file.ParseFromString(bytes)) {
      return absl::DataLossError(absl::StrCat(name, ": bad descriptor"));
    }
    google::protobuf::FileDescriptorProto known;
    if (!database_.FindFileByName(file.name(), &known)) {
      database_.Add(file);
      ++files_added_;
    }
    imports.insert(file.dependency().begin(), file.dependency().end());
  }
  for (const std::string& import : imports) {
    google::protobuf::FileDescriptorProto known;
    if (database_.FindFileByName(import, &known)) continue;
    if (absl::Status s = Fetch(import, /*is_file=*/true); !s.ok()) return s;
  }
  return absl::OkStatus();
}

absl::StatusOr<const google::protobuf::ServiceDescriptor*>
ReflectionClient::FindService(const std::string& full_name) {
  if (absl::Status s = Fetch(full_name, /*is_file=*/false); !s.ok()) return s;
  // A new pool sees every file fetched so far; the pool is only replaced
  // when there are new files, so descriptors handed out stay valid.
  if (pool_ == nullptr || pool_files_ != files_added_) {
    pool_ = std::make_unique<google::protobuf::DescriptorPool>(&database_);
    pool_files_ = files_added_;
  }
  const google::protobuf::ServiceDescriptor* service =
      pool_->FindServiceByName(full_name);
  if (service == nullptr) {
    return absl::NotFoundError(
        absl::StrCat(full_name, ": not in the descriptors reflection returned"));
  }
  return service;
}

absl::StatusOr<std::string> ReflectionClient::CallJson(
    const std::string& method, const std::string& request_json) {
  std::string name = absl::StrReplaceAll(method, {{"/", "."}});
  const size_t dot = name.rfind('.');
  if (dot == std::string::npos) {
    return absl::InvalidArgumentError(absl::StrCat(method, ": not Service/Method"));
  }
  absl::StatusOr<const google::protobuf::ServiceDescriptor*> service =
      FindService(name.substr(0, dot));
  if (!service.ok()) return service.status();
  const google::protobuf::MethodDescriptor* rpc =
      (*service)->FindMethodByName(name.substr(dot + 1));
  if (rpc == nullptr) {
    return absl::NotFoundError(absl::StrCat(method, ": no such method"));
  }
  if (rpc->client_streaming()) {
    return absl::UnimplementedError(
        absl::StrCat(method, ": this client sends one request only"));
  }
  std::unique_ptr<google::protobuf::Message> request(
      factory_.GetPrototype(rpc->input_type())->New());
  auto parsed = google::protobuf::util::JsonStringToMessage(
      request_json.empty() ? "{}" : request_json, request.get());
  if (!parsed.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("request JSON: ", parsed.ToString()));
  }
  std::string bytes = request->SerializeAsString();
  grpc::Slice slice(bytes);
  grpc::ByteBuffer request_buffer(&slice, 1);
  grpc::GenericStub stub(channel_);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() +
                       std::chrono::seconds(30));
  // A generic call answers unary and server-streaming methods alike: one
  // request out, responses until the server ends the call.
  grpc::CompletionQueue queue;
  auto step = [&queue] {
    void* tag = nullptr;
    bool ok = false;
    return queue.Next(&tag, &ok) && ok;
  };
  auto call = stub.PrepareCall(
      &context, absl::StrCat("/", (*service)->full_name(), "/", rpc->name()),
      &queue);
  call->StartCall(nullptr);
  bool open = step();
  if (open) {
    call->Write(request_buffer, nullptr);
    open = step();
  }
  if (open) {
    call->WritesDone(nullptr);
    open = step();
  }
  std::string json_lines;
  grpc::ByteBuffer response_buffer;
  while (open) {
    call->Read(&response_buffer, nullptr);
    if (!step()) break;
    std::vector<grpc::Slice> slices;
    if (!response_buffer.Dump(&slices).ok()) {
      return absl::DataLossError("cannot read the response");
    }
    std::string response_bytes;
    for (const grpc::Slice& s : slices) {
      response_bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    std::unique_ptr<google::protobuf::Message> response(
        factory_.GetPrototype(rpc->output_type())->New());
    if (!response->ParseFromString(response_bytes)) {
      return absl::DataLossError("the response does not parse as " +
                                 rpc->output_type()->full_name());
    }
    std::string json;
    google::protobuf::util::JsonPrintOptions options;
    options.add_whitespace = true;
    (void)google::protobuf::util::MessageToJsonString(*response, &json, options);
    json_lines += json;
  }
  grpc::Status status;
  call->Finish(&status, nullptr);
  step();
  if (!status.ok()) return FromGrpc(status);
  return json_lines;
}

}  // namespace claims::testing
