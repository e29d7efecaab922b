W2870asian
f l BC-LT--Argentina-CancerB     11-13 1049
^BC-LT--Argentina-Cancer Beauty,466<
^For Argentine chemo patients, mirrors can hurt <
^AP Photo XNP101, XNP102, XNP103, XNP104, XNP105, XNP106<
^Eds: With AP Photos.<
^By PAUL BYRNE and ALMUDENA CALATRAVA=
^Associated Press=
	   BUENOS AIRES, Argentina (AP) _ For cancer patients dealing with the physical and psychological trauma of the disease, even looking in the mirror can be difficult.
 
	   AP-WF-11-13-13 1509GMT<

