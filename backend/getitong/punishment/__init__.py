"""联合惩戒 (seed 004 §三.4): the punishment catalog, matters published naming subjects and catalog entries to the
punishing departments, their implementation feedback, the punishment list; and the serious-violation and
abnormal lists as the departments receive (and download) them."""
