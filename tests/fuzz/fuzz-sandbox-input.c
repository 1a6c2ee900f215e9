/* fuzz-sandbox-input.c — libFuzzer target: what the sandbox parses from a
 * request: the JSON body (with the sandbox's depth, NUL and number checks),
 * the token endpoint's form, and a query string as libsoup hands it over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "sa-json-reader.h"
#include "sa-sandbox-http.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) form = NULL;
  g_autoptr(GHashTable) query = NULL;
  const char *problem = NULL;

  /* As sa_sandbox_body_json() reads a body. */
  root = sa_json_reader_parse ((const char *) data, size, 16,
                               SA_JSON_READER_REFUSE_NUL_ESCAPE | SA_JSON_READER_REFUSE_LONG_NUMBERS,
                               NULL);

  /* The token endpoint's strict form, and libsoup's query decoding. */
  if (g_utf8_validate (text, -1, NULL))
    {
      form = sa_sandbox_form_decode (text, &problem);
      query = soup_form_decode (text);
    }

  return 0;
}
