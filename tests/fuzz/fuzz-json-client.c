/* fuzz-json-client.c — libFuzzer target: the Desk client's JSON readers,
 * the one bounded reader (sa-json-reader.c) then every domain object's
 * constructor (sa-json-private.h), as an answer would reach them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "sa-json-private.h"
#include "sa-json-reader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *object;

  root = sa_json_reader_parse ((const char *) data, size, SA_JSON_READER_CLIENT_MAX_DEPTH,
                               SA_JSON_READER_NONE, NULL);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  object = json_node_get_object (root);
  {
    g_autoptr(SaSmartAccount) account = sa_smart_account_new_from_json (object, NULL);
    g_autoptr(SaVirtualAccount) virtual_account = sa_virtual_account_new_from_json (object, NULL);
    g_autoptr(SaAssignment) assignment = sa_assignment_new_from_json (object, NULL);
    g_autoptr(SaOrder) order = sa_order_new_from_json (object, "\"1\"", NULL);
    g_autoptr(SaProfile) profile = sa_profile_new_from_json (object, NULL);
    g_autoptr(SaAccountRequest) account_request = sa_account_request_new_from_json (object, NULL);
    g_autoptr(SaAccessRequest) access_request = sa_access_request_new_from_json (object, NULL);
  }

  return 0;
}
