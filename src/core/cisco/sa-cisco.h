/* sa-cisco.h — everything in the Cisco back end and its API layer (no GTK);
 * the domain objects it returns are core's (sa-core.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "sa-cisco-accounts.h"
#include "sa-cisco-api.h"
#include "sa-cisco-client.h"
#include "sa-cisco-credentials.h"
#include "sa-cisco-diagnosis.h"
#include "sa-cisco-error.h"
#include "sa-cisco-licenses.h"
#include "sa-cisco-order-status.h"
#include "sa-cisco-orders.h"
