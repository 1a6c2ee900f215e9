/* sa-cisco-views-test.h — the Cisco test double for the Cisco views' UI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "cisco-mimic.h"
#include "sa-core.h"

G_BEGIN_DECLS

SaClient *sa_cisco_test_client_new        (CiscoMimic  *mimic);
void      sa_cisco_test_serve_order       (CiscoMimic  *mimic,
                                           const char  *sales_order_number,
                                           const char  *status,
                                           const char  *bill_to);
void      sa_cisco_test_serve_my_accounts (CiscoMimic  *mimic,
                                           const char  *first_domain,
                                           ...) G_GNUC_NULL_TERMINATED;
void      sa_cisco_test_screenshot        (GtkWidget   *widget,
                                           const char  *format,
                                           ...) G_GNUC_PRINTF (2, 3);

G_END_DECLS
