// ReflectionClient: calls a gRPC server knowing nothing but its address, as
// grpcurl does: it lists the services through server reflection, fetches
// their descriptors, and builds requests and reads responses as dynamic
// messages from JSON. The tests use it to prove that reflection serves
// every service it lists, and to run the README's grpcurl examples where
// grpcurl itself is not installed (Debian 12 has no package for it).
//
//   ReflectionClient client(grpc::CreateChannel(address, creds));
//   ASSIGN_OR_RETURN(std::vector<std::string> services, client.ListServices());
//   ASSIGN_OR_RETURN(std::string reply,
//                    client.CallJson("grpc.health.v1.Health/Check", "{}"));
//
// Not thread-safe: one caller at a time.
#ifndef CLAIMS_TESTS_REFLECTION_REFLECTION_CLIENT_H_
#define CLAIMS_TESTS_REFLECTION_REFLECTION_CLIENT_H_

#include <google/protobuf/descriptor.h>
#include <google/protobuf/descriptor_database.h>
#include <google/protobuf/dynamic_message.h>
#include <grpcpp/grpcpp.h>

#include <memory>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace claims::testing {

class ReflectionClient {
 public:
  explicit ReflectionClient(std::shared_ptr<grpc::Channel> channel);

  // Full names of the services the server lists.
  absl::StatusOr<std::vector<std::string>> ListServices();

  // The descriptor of a service, fetched through reflection (with every
  // file it depends on). NOT_FOUND when reflection cannot return it. The
  // pointer stays valid until a call fetches files not seen before.
  absl::StatusOr<const google::protobuf::ServiceDescriptor*> FindService(
      const std::string& full_name);

  // Calls a unary or server-streaming method ("pkg.Service/Method" or
  // "pkg.Service.Method") with a request given as proto3 JSON; returns the
  // responses as indented JSON, one after the other, or the call's status.
  absl::StatusOr<std::string> CallJson(const std::string& method,
                                       const std::string& request_json);

 private:
  // Adds the files reflection returns for `request` (and, recursively, the
  // files they import) to the database.
  absl::Status Fetch(const std::string& symbol_or_file, bool is_file);

  std::shared_ptr<grpc::Channel> channel_;
  google::protobuf::SimpleDescriptorDatabase database_;
  std::unique_ptr<google::protobuf::DescriptorPool> pool_;
  int files_added_ = 0;  // files in database_
  int pool_files_ = 0;   // files in database_ when pool_ was made
  google::protobuf::DynamicMessageFactory factory_;
};

}  // namespace claims::testing

#endif  // CLAIMS_TESTS_REFLECTION_REFLECTION_CLIENT_H_
