/* fuzz-cisco-json.c — libFuzzer target: the Cisco client's reading of an
 * answer (UTF-8 repair, the bounded reader, the lenient member readers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "sa-cisco-api-private.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(JsonNode) root = sa_cisco_json_parse (bytes, NULL);
  const char *members[] = { "error", "error_description", "message", "statusMessage", "code",
                            "status", "domain", "accountDomain", "isDefault", "id" };
  JsonObject *object;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return 0;

  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *text = sa_cisco_json_dup_text (object, members[i]);

      (void) sa_cisco_json_get_string (object, members[i], NULL);
    }
  (void) sa_cisco_json_check_status (object, NULL);

  return 0;
}
