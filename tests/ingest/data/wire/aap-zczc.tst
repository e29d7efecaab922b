ZCZC AAP
%A
#Legal: Causevic_BC6
$GPS device to come off Vic teen 

:(MELBOURNE)
&AAPIS\Huttonc
*02000000
@Vic
A former Melbourne terror suspect no longer needs to wear a tracking device, despite police believing it could reduce the risk of an attack.

AAP RTV
NNNN