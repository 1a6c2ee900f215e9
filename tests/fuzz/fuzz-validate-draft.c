/* fuzz-validate-draft.c — libFuzzer target: the input rules shared by the
 * app and the sandbox (sa-validate.c) on arbitrary text, and the draft
 * loader's parsing of a draft file (sa-draft.c reads a file with
 * g_variant_parse() as an "a{sv}", exactly as here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "sa-validate.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GVariant) draft = NULL;
  g_auto(GStrv) emails = NULL;
  guint bad_index = 0;

  (void) sa_validate_email (text, NULL);
  (void) sa_validate_domain (text, NULL);
  (void) sa_validate_sales_order_number (text, NULL);
  for (int field = 0; field < 3; field++)
    {
      (void) sa_validate_order_search ((SaOrderSearchField) field, text, NULL);
      (void) sa_validate_account_search ((SaAccountSearchField) field, text, NULL);
    }
  (void) sa_validate_virtual_account_name (text, NULL);
  (void) sa_validate_account_name (text, NULL);
  (void) sa_validate_note (text, NULL);
  (void) sa_validate_reason (text, NULL);
  (void) sa_validate_profile_field (text, NULL);
  (void) sa_validate_phone (text, NULL);
  (void) sa_host_is_loopback (text);
  (void) sa_validate_server_uri (text, NULL);

  emails = g_strsplit (text, "\n", 64);
  (void) sa_validate_user_emails ((const char * const *) emails, &bad_index, NULL);

  /* The draft loader: UTF-8 text parsed as a vardict. */
  if (g_utf8_validate (text, -1, NULL))
    draft = g_variant_parse (G_VARIANT_TYPE_VARDICT, text, NULL, NULL, NULL);

  return 0;
}
