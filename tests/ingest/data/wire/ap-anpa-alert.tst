W1645asian
b a BC-US--APNewsAlert     06-29 0358
^BC-US--APNewsAlert,17<
	   HONOLULU (AP) _ Hawaii files court challenge to Trump administration's definition of close U.S. relationship needed to avoid travel ban.

	   AP-WF-06-29-17 2350GMT<


